// Drives one demo application through the real workflow: the portal's submission (fee, the
// applicant's EDS signature over the request bytes, then payment_confirmed / signature_verified /
// submit in one transaction, as submitApplication does) and every officer command through
// executeCommand, the head's decision signed with the head's demo key and verified like the
// signing widget's (verifyAndRecordDecisionSignature + sign_decision in one transaction).
import { addWorkingTime, type Calendar } from "@/lib/law/calendar";
import { feeFor } from "@/lib/law/catalogue";
import { availableCommands, transition, type TCommandType, type TWorkflowCommandInput } from "@/lib/law/workflow";
import type { TWorkflowDefinition } from "@/lib/law/regulations";
import { definitionForVersion, executeCommandInTx, expectedSigner, requestBytesFor, toWorkflowState } from "@/lib/cases/applications";
import { decisionSigningContent } from "@/lib/cases/officer-actions";
import { generatePaymentCode } from "@/lib/cases/payments";
import { systemActor } from "@/lib/platform/auth";
import { isDomainError } from "@/lib/platform/core";
import type { Application, Db } from "@/lib/platform/db";
import type { VerificationContext } from "@/lib/trust/certificates";
import { signDetached } from "@/lib/trust/pki";
import { verifyAndRecordDecisionSignature, verifyAndRecordRequestSignature } from "@/lib/trust/signatures";
import type { Applicant, Officer, Signer } from "./cast";
import type { Rng } from "./random";

export type Target =
  | { kind: "step"; stepIndex: number }
  | { kind: "issued"; paper?: boolean }
  | { kind: "refused" }
  /** Left unanswered past the overall term: the deadline sweep's command deems it issued. */
  | { kind: "tacit" };

export type DriveContext = {
  db: Db;
  r: Rng;
  officers: Map<string, Officer[]>;
  signer: Signer | undefined;
  calendar: Calendar;
  context: VerificationContext;
  now: Date;
};

const sign = (key: Signer["key"] | Applicant["key"], content: Uint8Array, at: Date) =>
  signDetached({ key: key.key, certificate: key.certificate, chain: key.chain, content, signingTime: at });

/** Portal submission at `at`; returns the submitted application. */
export async function submitPortal(c: DriveContext, o: { applicationId: string; applicant: Applicant; at: Date }): Promise<Application> {
  return c.db.$transaction(async (tx) => {
    const app = await tx.application.findUniqueOrThrow({ where: { id: o.applicationId }, include: { subject: true } });
    const variant = app.variant.toLowerCase() as "issue";
    let paymentRef: string | undefined;
    const fee = (() => {
      try {
        return feeFor(app.serviceCode, variant, o.at);
      } catch {
        return null;
      }
    })();
    if (fee && !fee.free) {
      paymentRef = generatePaymentCode(o.at, (n) => Uint8Array.from({ length: n }, () => c.r.int(0, 256)));
      await tx.payment.create({ data: { applicationId: app.id, paymentCode: paymentRef, amountKzt: fee.amountKzt, mci: fee.mci, mciYear: o.at.getUTCFullYear(), status: "PAID", channel: "GATEWAY", paidAt: o.at } });
    }
    const bytes = await requestBytesFor(tx, app);
    const verdict = await verifyAndRecordRequestSignature(tx, {
      actor: o.applicant.actor,
      applicationId: app.id,
      cms: sign(o.applicant.key, bytes, o.at),
      contentBytes: bytes,
      expected: expectedSigner(app.subject),
      now: o.at,
      context: c.context,
    });
    if (verdict.status !== "valid") throw new Error(`demo caseload: the applicant's signature was refused (${verdict.status} ${verdict.reason ?? ""})`);
    const system = systemActor("portal");
    if (paymentRef) await executeCommandInTx(tx, { actor: system, applicationId: app.id, command: { type: "payment_confirmed", paymentRef }, now: o.at });
    await executeCommandInTx(tx, { actor: system, applicationId: app.id, command: { type: "signature_verified", signatureRef: verdict.signatureId }, now: o.at });
    const { application } = await executeCommandInTx(tx, { actor: o.applicant.actor, applicationId: app.id, command: { type: "submit" }, now: o.at });
    await tx.signature.update({ where: { id: verdict.signatureId! }, data: { applicationId: app.id } });
    return application;
  });
}

function reached(def: TWorkflowDefinition, app: Application, target: Target): boolean {
  if (target.kind === "step") return app.stepKey === def.steps[target.stepIndex]?.key && (app.status === "SUBMITTED" || app.status === "IN_PROGRESS");
  if (target.kind === "issued") return app.status === "ISSUED";
  if (target.kind === "refused") return app.status === "REFUSED";
  return app.status === "DEEMED_ISSUED" || app.status === "ISSUED";
}

/** The officer who acts now: the assignee, else the first officer of the step's role. */
function actorFor(c: DriveContext, app: Application): Officer {
  const all = [...c.officers.values()].flat();
  const assignee = app.assigneeId ? all.find((o) => o.userId === app.assigneeId) : undefined;
  const actor = assignee ?? c.officers.get(app.stepRole ?? "")?.[0];
  if (!actor) throw new Error(`demo caseload: no officer for role ${app.stepRole} (${app.stepKey})`);
  return actor;
}

function chooseCommand(c: DriveContext, def: TWorkflowDefinition, app: Application, cmds: TCommandType[], target: Target, requested: string[]): TWorkflowCommandInput | "sign" | null {
  const state = toWorkflowState(app);
  const step = def.steps.find((s) => s.key === app.stepKey);
  const next = step ? def.steps[def.steps.indexOf(step) + 1] : undefined;
  const refuse = target.kind === "refused";
  if (cmds.includes("register")) return { type: "register" };
  if (cmds.includes("assign") && next) {
    const candidates = c.officers.get(next.role) ?? [];
    const who = candidates[c.r.int(0, candidates.length)];
    if (!who) throw new Error(`demo caseload: nobody of role ${next.role} to assign`);
    return { type: "assign", assigneeId: who.userId, assigneeRole: next.role as "EXECUTOR", assigneeOrganisationId: app.organisationId };
  }
  if (cmds.includes("start_review")) return { type: "start_review" };
  const pending = (step?.checks ?? []).filter((k) => !state.workflowData.checks[k]);
  if (cmds.includes("record_check") && pending.length) {
    const last = pending.length === 1;
    return { type: "record_check", check: pending[0]!, passed: !(refuse && last), note: refuse && last ? "Талаптарға сәйкес келмейді" : "Тексерілді" };
  }
  if (cmds.includes("draft_decision")) {
    if (refuse) {
      const ground = def.refusalGrounds[c.r.int(0, def.refusalGrounds.length)]!;
      return { type: "draft_decision", decision: { kind: "refusal", grounds: [ground], reason: "Ұсынылған құжаттар стандарт талаптарына сәйкес келмейді." } };
    }
    return { type: "draft_decision", decision: { kind: "licence", subtypes: requested } };
  }
  if (cmds.includes("sign_decision")) return "sign";
  if (cmds.includes("hand_over")) {
    return target.kind === "issued" && target.paper ? { type: "hand_over", mode: "paper", recipientName: app.applicantName } : { type: "hand_over", mode: "electronic" };
  }
  return null;
}

/**
 * Runs officer commands from `from` (spaced evenly up to `until`) until `target` is reached.
 * `pinStepDue`: the command that enters the target step is timed so that the step falls due
 * inside that window (a binary search over the pure engine's transition).
 */
export async function drive(
  c: DriveContext,
  o: { app: Application; target: Target; from: Date; until: Date; pinStepDue?: { from: Date; to: Date } },
): Promise<Application> {
  let app = o.app;
  const def = await definitionForVersion(c.db, app.regulationVersionId!, app.variant);
  const budget = def.steps.length * 2 + 2;
  const gap = Math.max(60_000, (o.until.getTime() - o.from.getTime()) / (budget + 1));
  let t = o.from.getTime();
  // What the licence covers: the sub-types applied for, or (re-issue, duplicate) those of the base licence.
  let requested = (app.formData as { activitySubtypes?: string[] } | null)?.activitySubtypes ?? [];
  if (!requested.length && app.baseLicenceId) requested = (await c.db.licence.findUniqueOrThrow({ where: { id: app.baseLicenceId }, select: { subtypes: true } })).subtypes;
  // Set when a running portal's deadline sweep changed the case meanwhile (see orAsItIsNow): the
  // case then goes as far as it can and keeps what the portal decided.
  let raced = false;
  const onRaced = () => (raced = true);
  for (let i = 0; i < 40 && !reached(def, app, o.target); i++) {
    if (raced && !app.stepKey) break;
    if (o.target.kind === "tacit" && app.stepKey === def.steps.find((s) => s.action === "work")?.key) {
      // Nobody decides: past the overall term the sweep replays the deadline (tacit approval).
      const at = new Date(Math.min(app.dueAt!.getTime() + 3_600_000, c.now.getTime() - 60_000));
      app = await orAsItIsNow(c, app, async () => (await c.db.$transaction((tx) => executeCommandInTx(tx, { actor: systemActor("deadline-sweep"), applicationId: app.id, command: { type: "deadline_passed", deadline: "overall" }, now: at }))).application, onRaced);
      continue;
    }
    const actor = actorFor(c, app);
    const cmds = availableCommands(def, toWorkflowState(app), actor);
    const cmd = chooseCommand(c, def, app, cmds, o.target, requested);
    if (!cmd && raced) break;
    if (!cmd) throw new Error(`demo caseload: stuck at ${app.status}/${app.stepKey} (${cmds.join(",")})`);
    t = Math.min(t + gap * (0.5 + c.r.next()), o.until.getTime());
    let at = new Date(t);
    if (o.pinStepDue && cmd !== "sign" && o.target.kind === "step") at = pinned(c, def, app, actor, cmd, o.target.stepIndex, at, o.pinStepDue);
    const current = app;
    app = await orAsItIsNow(c, app, async () =>
      cmd === "sign" ? signDecisionAt(c, current, at) : (await c.db.$transaction((tx) => executeCommandInTx(tx, { actor, applicationId: current.id, command: cmd, now: at }))).application,
      onRaced,
    );
  }
  if (!reached(def, app, o.target) && !raced) throw new Error(`demo caseload: ${app.id} did not reach ${JSON.stringify(o.target)} (at ${app.status}/${app.stepKey})`);
  return app;
}

/**
 * Runs one step of the drive. A running portal's deadline sweep may act on the same case meanwhile
 * (the browser tests load the caseload into a live database): then the case is taken as it is now.
 */
async function orAsItIsNow(c: DriveContext, app: Application, step: () => Promise<Application>, onRaced: () => void): Promise<Application> {
  try {
    return await step();
  } catch (e) {
    // The engine refuses a command for the state someone else left (stale version, step out of order).
    if (!(isDomainError(e) && e.code.startsWith("workflow."))) throw e;
    const now = await c.db.application.findUniqueOrThrow({ where: { id: app.id } });
    if (now.version === app.version) throw e;
    onRaced();
    return now;
  }
}

/** The time for `cmd` that puts the next step's due instant inside `window` (when cmd enters the target step). */
function pinned(c: DriveContext, def: TWorkflowDefinition, app: Application, actor: Officer, cmd: TWorkflowCommandInput, stepIndex: number, at: Date, window: { from: Date; to: Date }): Date {
  const deps = { computeDue: (term: Parameters<typeof addWorkingTime>[2], startedAt: Date) => addWorkingTime(c.calendar, startedAt, term) };
  const dry = (when: Date) => transition(def, toWorkflowState(app), cmd, actor, when, deps).next;
  const probe = dry(at);
  if (probe.stepKey !== def.steps[stepIndex]?.key || !probe.stepDueAt) return at;
  let lo = toWorkflowState(app).stepStartedAt?.getTime() ?? at.getTime() - 30 * 86_400_000;
  let hi = c.now.getTime() - 60_000;
  for (let k = 0; k < 40; k++) {
    const mid = Math.floor((lo + hi) / 2);
    const due = dry(new Date(mid)).stepDueAt!.getTime();
    if (due < window.from.getTime()) lo = mid;
    else if (due > window.to.getTime()) hi = mid;
    else return new Date(mid);
  }
  return at;
}

/** The head signs the drafted decision with the demo key, verified and recorded, then sign_decision. */
async function signDecisionAt(c: DriveContext, app: Application, at: Date): Promise<Application> {
  const signer = c.signer;
  if (!signer) throw new Error("demo caseload: the organisation has no head with a signing key");
  return c.db.$transaction(async (tx) => {
    const full = await tx.application.findUniqueOrThrow({ where: { id: app.id }, include: { subject: true } });
    const content = decisionSigningContent(full);
    if (!content) throw new Error("demo caseload: nothing to sign");
    const verdict = await verifyAndRecordDecisionSignature(tx, { actor: signer.actor, applicationId: app.id, cms: sign(signer.key, content, at), contentBytes: content, now: at, context: c.context });
    if (verdict.status !== "valid") throw new Error(`demo caseload: the head's signature was refused (${verdict.status} ${verdict.reason ?? ""})`);
    return (await executeCommandInTx(tx, { actor: signer.actor, applicationId: app.id, command: { type: "sign_decision", signatureRef: verdict.signatureId }, now: at })).application;
  });
}
