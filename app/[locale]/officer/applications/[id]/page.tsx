import { notFound } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/components/i18n/navigation";
import { requestMeta } from "@/app/_server/request-meta";
import { requireActor } from "@/app/_server/session";
import { documentSlots, type TVariantCode } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDate, formatDateTime, type Locale } from "@/lib/platform/i18n";
import { getOfficerApplication, OFFICER_COMMANDS, type OfficerWorkspace } from "@/lib/cases/officer-actions";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { StatusBadge } from "@/components/status/status-badge";
import { AuditSummary } from "@/components/officer/audit-summary";
import { CountdownBadge } from "@/components/officer/countdown-badge";
import { DecisionSummary, type DecisionView } from "@/components/officer/decision-summary";
import { stepLabel } from "@/components/officer/step-label";
import { TimelineTable } from "@/components/officer/timeline-table";
import { ActionsPanel } from "./_components/actions-panel";
import { ApplicantSection } from "./_components/applicant-section";
import { AttachmentsSection } from "./_components/attachments-section";
import { FormDataSection } from "./_components/form-data-section";
import { PaymentSignatureSection } from "./_components/payment-signature-section";
import { Facts, Section } from "./_components/section";
import { RecordedChecks } from "./_components/recorded-checks";
import { DecisionPreview } from "./_components/decision-preview";
import { RevisionReturns } from "./_components/revision-returns";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { TextLink } from "@/components/ui/text-link";

type Params = { locale: string; id: string };
const ZDone = z.object({ done: z.enum(OFFICER_COMMANDS).optional().catch(undefined) });

async function load(id: string, now: Date): Promise<OfficerWorkspace> {
  const actor = await requireActor("worklist.read");
  if (!z.string().uuid().safeParse(id).success) notFound();
  // Another organisation's application does not exist for this officer.
  return orNotFound(getOfficerApplication(getDb(), actor, id, { now, meta: await requestMeta() }));
}

export const generateMetadata = titleMetadata("officer.application.metaTitle");

export default async function OfficerApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const now = new Date();
  const ws = await load(id, now);
  const { done } = ZDone.parse(await searchParams);
  const t = await getTranslations("officer");
  const tr = await getTranslations("common.roles");
  const { app, state, service } = ws;
  const loc = locale as Locale;
  const variant = app.variant.toLowerCase() as TVariantCode;
  const orgName = loc === "kk" ? app.organisation.nameKk : loc === "ru" ? app.organisation.nameRu : app.organisation.nameEn;
  let slots: ReturnType<typeof documentSlots> = [];
  try {
    if (service) slots = documentSlots(service, variant, app.channel === "PORTAL" ? "portal" : "provider");
  } catch {
    slots = [];
  }
  const decision = state.decision as DecisionView | null;
  const subtypeLabels = Object.fromEntries(service?.activitySubtypes.map((s) => [s.code, s.label]) ?? []);
  const groundLabels = Object.fromEntries(service?.refusalGrounds.map((g) => [g.code, g.label]) ?? []);
  const summary = decision ? <DecisionSummary decision={decision} people={ws.people} subtypeLabels={subtypeLabels} groundLabels={groundLabels} /> : null;
  const handOver = state.workflowData.handOver;
  const reg = app.regulationVersion;

  return (
    <div className="flex flex-col gap-5">
      <p>
        <TextLink href="/officer">← {t("application.back")}</TextLink>
      </p>
      <PageTitle lead={`${service?.shortTitle[loc] ?? app.serviceCode} · ${t(`variants.${variant}`)} · ${orgName}`}>
        {app.registrationNumber ? t("application.title", { number: app.registrationNumber }) : t("application.titleNoNumber")}
      </PageTitle>

      {ws.paperChannel?.psc ? (
        // Accepted at a PSC: the result must be at the centre one working day before the term ends [004 L608-609].
        <Alert
          tone="info"
          title={t("channel.psc", { psc: loc === "kk" ? ws.paperChannel.psc.nameKk : loc === "ru" ? ws.paperChannel.psc.nameRu : ws.paperChannel.psc.nameEn })}
        >
          {ws.paperChannel.deliveryDueAt ? t("channel.pscDeliveryDue", { at: formatDateTime(ws.paperChannel.deliveryDueAt, loc) }) : null}
        </Alert>
      ) : null}
      {ws.paperChannel?.receivedByPostOn ? (
        <Alert tone="info" title={t("channel.post", { date: formatDate(new Date(`${ws.paperChannel.receivedByPostOn}T12:00:00Z`), loc) })}>
          {ws.paperChannel.replyByPost ? t("channel.replyByPost") : null}
        </Alert>
      ) : null}

      {done ? (
        <Alert tone="success">
          {t(`actions.done.${done}`)}
          {done === "hand_over" && handOver?.mode === "paper" ? (
            <>
              {" "}
              <Link href={`/officer/applications/${app.id}/journal`} className="font-semibold underline">
                {t("journal.open")}
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}

      <Section id="summary" title={t("application.summary")}>
        <Facts
          rows={[
            [t("application.status"), <StatusBadge key="s" status={app.status} />],
            [t("application.step"), app.stepKey ? `${stepLabel(t, app.stepKey)} · ${app.stepRole ? tr(app.stepRole) : ""}` : "—"],
            [
              t("application.assignee"),
              app.assigneeId ? (ws.people[app.assigneeId] ?? "—") : app.stepRole ? t("application.anyone", { role: tr(app.stepRole) }) : "—",
            ],
            [
              t("application.stepDue"),
              app.stepDueAt ? (
                <span key="d">
                  {formatDateTime(app.stepDueAt, loc)} <CountdownBadge countdown={ws.countdown} storedLevel={app.deadlineLevel} />
                </span>
              ) : (
                "—"
              ),
            ],
            [t("application.overallDue"), app.dueAt ? formatDateTime(app.dueAt, loc) : "—"],
            [t("application.submitted"), app.submittedAt ? formatDateTime(app.submittedAt, loc) : "—"],
            [
              t("application.regulation"),
              reg ? t("application.regulationValue", { id: reg.regulationId, version: reg.version }) : t("application.regulationNone"),
            ],
            ...app.licences.map(
              (l) =>
                [
                  t("application.licence"),
                  <span key={l.id} className="flex flex-wrap gap-3" data-testid="officer-licence">
                    <Link href={`/licences/${l.id}`} className="font-mono font-semibold text-brand-700 underline">
                      {l.number}
                    </Link>
                    <a href={`/api/licences/${l.id}/pdf`} className="text-brand-700 underline">
                      {t("application.licencePdf", { number: l.number })}
                    </a>
                  </span>,
                ] as [string, React.ReactNode],
            ),
            ...(handOver
              ? [
                  [
                    t("application.handOver"),
                    <span key="h">
                      {t(`application.handOverModes.${handOver.mode}`)} · {formatDateTime(new Date(handOver.at), loc)}
                      {handOver.recipientName ? ` · ${handOver.recipientName}` : ""}{" "}
                      {handOver.mode === "paper" ? (
                        <Link href={`/officer/applications/${app.id}/journal`} className="text-brand-700 underline">
                          {t("journal.open")}
                        </Link>
                      ) : null}
                    </span>,
                  ] as [string, React.ReactNode],
                ]
              : []),
          ]}
        />
      </Section>

      <RevisionReturns ws={ws} />
      <AttachmentsSection documents={ws.documents} slots={slots} />
      <RecordedChecks ws={ws} />
      {/* At the sign step the head sees the document itself (the draft PDF or the refusal) before acting. */}
      <DecisionPreview ws={ws} summary={summary} />
      <ActionsPanel ws={ws}>{ws.preview ? null : summary}</ActionsPanel>

      {decision && !ws.preview && !ws.commands.includes("sign_decision") ? (
        <Section id="decision" title={t("decision.title")}>
          {summary}
        </Section>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-2">
        <ApplicantSection app={app} registry={ws.registry} />
        <FormDataSection formData={app.formData} fields={ws.formFields} />
      </div>
      <PaymentSignatureSection
        app={app}
        paymentConfirmedAt={state.workflowData.paymentConfirmedAt}
        signatureVerifiedAt={state.workflowData.signatureVerifiedAt}
      />
      <Section id="timeline" title={t("timeline.title")}>
        <TimelineTable steps={app.steps} people={ws.people} now={now} />
      </Section>
      <Section id="audit" title={t("audit.title")}>
        <AuditSummary rows={ws.audit} />
      </Section>
    </div>
  );
}
