import { notFound } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { getSupervisedApplication, organisationName, type TTimelineEntry } from "@/lib/oversight/metrics";
import { DeadlineBadge, StatusBadge } from "@/components/status/status-badge";
import { SupervisorPageHeader } from "../../_components/supervisor-page-header";

const ZParams = z.object({ id: z.uuid() });

async function load(id: string) {
  const actor = await requireActor("dashboard.read");
  return { actor, app: await orNotFound(getSupervisedApplication(getDb(), actor, id)) };
}

/** Read-only view of one application for supervisors: facts and the timeline of steps and audit events. */
export default async function SupervisedApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const p = ZParams.safeParse(await params);
  if (!p.success) notFound();
  const { actor, app } = await load(p.data.id);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("supervisor.application");
  const ts = await getTranslations("notifications.steps");
  const tw = await getTranslations("workflow.audit");
  const tr = await getTranslations("common.roles");
  const to = await getTranslations("workflow.outcome");
  const tv = await getTranslations("catalogue.variant");
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  const step = (k: string | null) => (k ? (ts.has(k) ? ts(k) : k) : "—");
  const eventLabel = (type: string) => {
    const short = type.replace(/^application\./, "");
    return type.startsWith("application.") && tw.has(short) ? tw(short) : type;
  };
  const role = (r: string) => (tr.has(r) ? tr(r) : r);
  // Step outcomes in words (signed, returned for revision, …), not their codes.
  const outcome = (o: string) => (to.has(o) ? to(o) : o);
  const facts: [string, React.ReactNode][] = [
    [
      t("fields.number"),
      <span key="n" className="font-mono">
        {app.registrationNumber ?? "—"}
      </span>,
    ],
    [t("fields.applicant"), `${app.applicantName} (${app.applicantIdentifier})`],
    [t("fields.service"), getService(app.serviceCode)?.shortTitle[locale] ?? app.serviceCode],
    [t("fields.variant"), tv.has(app.variant.toLowerCase()) ? tv(app.variant.toLowerCase()) : app.variant],
    [t("fields.organisation"), organisationName(app.organisation, locale)],
    [t("fields.status"), <StatusBadge key="s" status={app.status} />],
    [t("fields.step"), step(app.stepKey)],
    [t("fields.officer"), app.assigneeName ?? "—"],
    [t("fields.deadline"), app.stepKey ? <DeadlineBadge key="d" level={app.deadlineLevel} /> : "—"],
    [t("fields.submittedAt"), when(app.submittedAt)],
    [t("fields.registeredAt"), when(app.registeredAt)],
    [t("fields.dueAt"), when(app.dueAt)],
    [t("fields.closedAt"), when(app.closedAt)],
    [t("fields.deemedIssuedAt"), when(app.deemedIssuedAt)],
  ];
  return (
    <div>
      <SupervisorPageHeader
        actor={actor}
        section="dashboard"
        back={{ href: "/supervisor", label: t("back") }}
        title={t("title", { number: app.registrationNumber ?? app.applicantName })}
        lead={t("readOnly")}
      />
      <dl className="mb-8 grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-sm text-slate-700">{k}</dt>
            <dd className="font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-3 text-xl font-bold">{t("timelineTitle")}</h2>
      {app.timeline.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("timelineEmpty")}</p>
      ) : (
        <ol className="relative flex flex-col gap-3 border-l-2 border-slate-300 pl-5">
          {app.timeline.map((e: TTimelineEntry) => (
            <li key={e.kind === "step" ? `s${e.seq}` : `e${e.id}`} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="text-sm text-slate-700">
                <time dateTime={e.at.toISOString()}>{when(e.at)}</time>
              </p>
              {e.kind === "step" ? (
                <>
                  <p className="font-semibold">{t("stepEntry", { step: step(e.stepKey), role: role(e.role) })}</p>
                  <p className="text-sm">
                    {e.assignee ? `${t("officer")}: ${e.assignee}. ` : ""}
                    {t("due")}: {when(e.dueAt)}.{" "}
                    {e.completedAt
                      ? `${t("completed", { at: when(e.completedAt) })}${e.completedBy ? ` (${e.completedBy})` : ""}${e.outcome ? ` — ${outcome(e.outcome)}` : ""}.`
                      : t("running")}
                  </p>
                </>
              ) : (
                <>
                  <p className="font-semibold">{eventLabel(e.type)}</p>
                  <p className="text-sm">
                    {t("actor")}: {e.actorName ?? role(e.actorRole)} · <span className="font-mono text-xs">{e.type}</span>
                  </p>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
