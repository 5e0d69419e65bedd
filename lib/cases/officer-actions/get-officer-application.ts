import { DomainError, isDomainError } from "@/lib/platform/core";
import { pscDeliveryDeadline } from "@/lib/cases/psc";
import type { Db } from "@/lib/platform/db";
import { applicationScope, can, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { definitionForVersion, toWorkflowState } from "@/lib/cases/applications";
import { formDefinition, getService, type TFieldDescriptor, type TService, type TVariantCode } from "@/lib/law/catalogue";
import { listDocuments, type TDocumentView } from "@/lib/cases/documents";
import { legalEntityRegistry, lookupLegalEntity, type RegistryLookupResult } from "@/lib/integration/registries";
import type { TStep, TWorkflowDefinition } from "@/lib/law/regulations";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { availableCommands, type TCommandType, type WorkflowState } from "@/lib/law/workflow";
import { countdown, fullName, listAssigneeCandidates, type AssigneeCandidate, type TCountdown } from "@/lib/cases/worklist";
import { checklistFor, requestedSubtypes, type TChecklist } from "./checklist";
import { decisionSigningContent } from "./decision-content";
import { atSigningWithDraft } from "./decision-preview";

/** The commands the officer workspace offers (the others belong to the applicant, the system or later work). */
export const OFFICER_COMMANDS = ["register", "assign", "start_review", "record_check", "draft_decision", "sign_decision", "return_for_revision", "hand_over"] as const satisfies readonly TCommandType[];
export type TOfficerCommand = (typeof OFFICER_COMMANDS)[number];

/** How many audit rows the page summarises (newest last). */
export const AUDIT_SUMMARY_LIMIT = 100;

async function loadApplication(db: Db, actor: UserActor, id: string) {
  const app = await db.application.findFirst({
    where: { AND: [{ id }, applicationScope(actor)] },
    include: {
      organisation: { select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true } },
      subject: true,
      representative: true,
      steps: { orderBy: { seq: "asc" } },
      payments: { orderBy: { createdAt: "desc" } },
      signatures: {
        orderBy: { signingTime: "asc" },
        select: { id: true, purpose: true, signerName: true, signerIin: true, signerBin: true, certSerial: true, certIssuer: true, signingTime: true, status: true, verifiedAt: true },
      },
      regulationVersion: { select: { regulationId: true, version: true, effectiveFrom: true } },
      // After issue the page shows the licence number and its PDF.
      licences: { select: { id: true, number: true }, orderBy: { number: "asc" } },
    },
  });
  if (!app) throw new DomainError("errors.not_found");
  return app;
}

export type OfficerApplication = Awaited<ReturnType<typeof loadApplication>>;

export type TDecisionOptions = {
  licence: boolean;
  refusal: boolean;
  subtypes: { code: string; label: { kk: string; ru: string; en: string } }[];
  requestedSubtypes: string[];
  /** Ground codes the engine accepts here; labels from the catalogue (or workflow.ground.<code>). */
  grounds: { code: string; label: { kk: string; ru: string; en: string } | null }[];
};

export type OfficerWorkspace = {
  app: OfficerApplication;
  /**
   * Channel PSC: the centre that accepted the package and the instant the result must be there, one
   * working day before the term ends [004 L608-609]. Channel POST: the day the letter arrived and
   * whether the answer goes by post.
   */
  paperChannel: { psc: { nameKk: string; nameRu: string; nameEn: string } | null; deliveryDueAt: Date | null; receivedByPostOn: string | null; replyByPost: boolean } | null;
  state: WorkflowState;
  service: TService | null;
  definition: TWorkflowDefinition | null;
  currentStep: TStep | null;
  nextStep: TStep | null;
  commands: TOfficerCommand[];
  countdown: TCountdown | null;
  formFields: readonly TFieldDescriptor[];
  documents: TDocumentView[];
  registry: RegistryLookupResult | null;
  /** User id → full name, for steps, decisions and hand-over. */
  people: Record<string, string>;
  audit: { id: string; at: Date; type: string; actorName: string | null; actorRole: string }[];
  candidates: AssigneeCandidate[];
  checklists: TChecklist[];
  decisionOptions: TDecisionOptions | null;
  /** Base64 of the bytes to sign for `sign_decision` (null when nothing is drafted). */
  decisionContentBase64: string | null;
  /**
   * At the sign step with an unsigned draft, for staff with `decision.preview`: what to show —
   * the draft licence PDF (`/api/applications/{id}/decision-preview`) or the refusal in words.
   */
  preview: { kind: "licence" | "refusal" } | null;
};

function decisionOptions(app: OfficerApplication, def: TWorkflowDefinition, step: TStep, state: WorkflowState, service: TService | null): TDecisionOptions {
  const codes = [...def.refusalGrounds];
  if (def.completenessRefusalGround && state.workflowData.checks.completeness?.passed === false) codes.unshift(def.completenessRefusalGround);
  const labels = new Map(service?.refusalGrounds.map((g) => [g.code, g.label]) ?? []);
  return {
    licence: step.outcomes.includes("draft_licence"),
    refusal: step.outcomes.includes("draft_refusal"),
    subtypes: service?.activitySubtypes.map((s) => ({ code: s.code, label: s.label })) ?? [],
    requestedSubtypes: requestedSubtypes(app.formData),
    grounds: codes.map((code) => ({ code, label: labels.get(code) ?? null })),
  };
}

async function registryAnswer(db: Db, actor: UserActor, app: OfficerApplication, now: Date, meta?: RequestMeta): Promise<RegistryLookupResult | null> {
  if (app.subject.kind !== "LEGAL_ENTITY") return null;
  try {
    return await lookupLegalEntity(db, legalEntityRegistry(db), { actor, bin: app.subject.identifier, now, meta });
  } catch (e) {
    if (isDomainError(e)) return { status: "not_found" };
    throw e;
  }
}

/**
 * Everything the officer's application page shows, read through the officer's scope (another
 * organisation's application is `errors.not_found`): the application with its applicant, steps,
 * payments and signatures, attachments, the legal-entity registry answer (audited), the audit
 * trail, and what this officer may do now with the input each action needs.
 */
export async function getOfficerApplication(db: Db, actor: UserActor, id: string, o: { now: Date; meta?: RequestMeta }): Promise<OfficerWorkspace> {
  const app = await loadApplication(db, actor, id);
  const state = toWorkflowState(app);
  const service = getService(app.serviceCode) ?? null;
  const definition = app.regulationVersionId ? await definitionForVersion(db, app.regulationVersionId, app.variant) : null;
  const index = definition ? definition.steps.findIndex((s) => s.key === app.stepKey) : -1;
  const currentStep = definition?.steps[index] ?? null;
  const nextStep = definition && index >= 0 ? (definition.steps[index + 1] ?? null) : null;
  const commands = definition ? availableCommands(definition, state, actor).filter((c): c is TOfficerCommand => (OFFICER_COMMANDS as readonly string[]).includes(c)) : [];

  const wd = state.workflowData;
  const ids = new Set<string>();
  for (const s of app.steps) [s.assigneeId, s.completedById].forEach((x) => x && ids.add(x));
  [state.decision?.draftedById, state.decision?.signedById, wd.handOver?.byUserId, app.assigneeId].forEach((x) => x && ids.add(x));
  // Who recorded each check (shown read-only with when), who returned drafts for revision.
  for (const c of Object.values(wd.checks)) if (c?.byUserId) ids.add(c.byUserId);
  for (const r of wd.returns) [r.byUserId, r.decision.draftedById].forEach((x) => ids.add(x));

  const [documents, registry, users, audit, candidates, calendar, psc, deliveryDueAt] = await Promise.all([
    listDocuments(db, actor, app.id),
    registryAnswer(db, actor, app, o.now, o.meta),
    db.user.findMany({ where: { id: { in: [...ids] }, organisationId: app.organisationId }, select: { id: true, surname: true, givenName: true, patronymic: true } }),
    db.auditEvent.findMany({
      where: { applicationId: app.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: AUDIT_SUMMARY_LIMIT,
      select: { id: true, at: true, type: true, actorName: true, actorRole: true },
    }),
    commands.includes("assign") && nextStep ? listAssigneeCandidates(db, actor, nextStep.role) : Promise.resolve([]),
    app.stepDueAt ? loadOrganisationCalendar(db, app.organisationId, { serviceCode: app.serviceCode }) : Promise.resolve(null),
    app.pscId ? db.organisation.findUnique({ where: { id: app.pscId }, select: { nameKk: true, nameRu: true, nameEn: true } }) : Promise.resolve(null),
    pscDeliveryDeadline(db, app),
  ]);

  let formFields: readonly TFieldDescriptor[] = [];
  try {
    if (service) formFields = formDefinition(service, app.variant.toLowerCase() as TVariantCode);
  } catch {
    formFields = [];
  }
  const content = commands.includes("sign_decision") ? decisionSigningContent(app) : null;
  return {
    app,
    paperChannel:
      app.channel === "PSC" || app.channel === "POST"
        ? { psc, deliveryDueAt, receivedByPostOn: app.receivedByPostOn?.toISOString().slice(0, 10) ?? null, replyByPost: app.replyByPost }
        : null,
    state,
    service,
    definition,
    currentStep,
    nextStep,
    commands,
    countdown: calendar && app.stepDueAt ? countdown(calendar, app.stepDueAt, o.now) : null,
    formFields,
    documents,
    registry,
    people: Object.fromEntries(users.map((u) => [u.id, fullName(u)])),
    audit: audit.reverse().map((a) => ({ ...a, id: a.id.toString() })),
    candidates,
    checklists: commands.includes("record_check") && currentStep ? currentStep.checks.map((c) => checklistFor(app, c)) : [],
    decisionOptions: commands.includes("draft_decision") && definition && currentStep ? decisionOptions(app, definition, currentStep, state, service) : null,
    decisionContentBase64: content ? Buffer.from(content).toString("base64") : null,
    preview: definition && state.decision && can(actor, "decision.preview") && atSigningWithDraft(app, definition.steps) ? { kind: state.decision.kind } : null,
  };
}
