import { can } from "@/lib/platform/auth";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { STEP_KEYS, VARIANTS } from "@/lib/law/regulations";
import { countWorklistQueues, listOrganisationServiceCodes, listWorklist, QUEUES_OF_ROLE, WORKLIST_STATUSES, ZWorklistQuery, type TWorklistQuery } from "@/lib/cases/worklist";
import { PageTitle } from "@/components/ui/page-title";
import { Field } from "@/components/ui/field";
import { StatusBadge } from "@/components/status/status-badge";
import { CountdownBadge } from "@/components/officer/countdown-badge";
import { SelectField } from "@/components/officer/select-field";
import { stepLabel } from "@/components/officer/step-label";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "officer" });
  return { title: t("title") };
}

/** URL query of the current filters (without the cursor), optionally changed. */
function queryOf(q: TWorklistQuery, change: Partial<Record<keyof TWorklistQuery, string | undefined>> = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...q, after: undefined, ...change };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

export default async function OfficerWorklist({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor("worklist.read");
  const loc = locale as Locale;
  const t = await getTranslations("officer");
  const tc = await getTranslations("common");
  const ts = await getTranslations("status");
  const query = ZWorklistQuery.parse(await searchParams);
  const db = getDb();
  const now = new Date();
  const queues = QUEUES_OF_ROLE[actor.role as keyof typeof QUEUES_OF_ROLE] ?? [];
  const [{ rows, next }, serviceCodes, counts] = await Promise.all([
    listWorklist(db, actor, query, { now }),
    listOrganisationServiceCodes(db, actor),
    countWorklistQueues(db, actor, query, queues),
  ]);
  const filtered = Boolean(query.service || query.variant || query.step || query.status || query.dueFrom || query.dueTo || query.applicant || query.number || query.q);
  const serviceTitle = (code: string) => getService(code)?.shortTitle[loc] ?? code;

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead", { role: tc(`roles.${actor.role}`) })}>{t("title")}</PageTitle>

      {can(actor, "application.reassign_bulk") ? (
        <p>
          <Link href="/officer/reassign" className="font-medium text-brand-700 underline underline-offset-2">
            {t("reassignLink")}
          </Link>
        </p>
      ) : null}

      <nav aria-label={t("queues.label")}>
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...queues].map((q) => {
            const current = query.queue === q;
            return (
              <li key={q ?? "all"}>
                <Link
                  href={{ pathname: "/officer", query: queryOf(query, { queue: q }) }}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block rounded-full border px-4 py-1.5 font-medium ${current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100"}`}
                >
                  {q ? t(`queues.${q}`) : t("queues.all")}{" "}
                  {/* The count of each tab; "All" is the total of the worklist with the current filters. */}
                  <span className={`ml-1 inline-block rounded-full px-2 text-sm tabular-nums ${current ? "bg-white text-brand-800" : "bg-slate-200 text-slate-900"}`} data-testid={`queue-count-${q ?? "all"}`}>
                    {q ? (counts.byQueue[q] ?? 0) : counts.total}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form method="get" role="search" aria-label={t("filters.title")} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {query.queue ? <input type="hidden" name="queue" value={query.queue} /> : null}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            name="service"
            id="wl-service"
            label={t("filters.service")}
            emptyLabel={t("filters.any")}
            defaultValue={query.service ?? ""}
            options={serviceCodes.map((c) => ({ value: c, label: serviceTitle(c) }))}
          />
          <SelectField name="variant" id="wl-variant" label={t("filters.variant")} emptyLabel={t("filters.any")} defaultValue={query.variant ?? ""} options={VARIANTS.map((v) => ({ value: v, label: t(`variants.${v}`) }))} />
          <SelectField name="step" id="wl-step" label={t("filters.step")} emptyLabel={t("filters.any")} defaultValue={query.step ?? ""} options={STEP_KEYS.map((k) => ({ value: k, label: stepLabel(t, k) }))} />
          <SelectField name="status" id="wl-status" label={t("filters.status")} emptyLabel={t("filters.open")} defaultValue={query.status ?? ""} options={WORKLIST_STATUSES.map((s) => ({ value: s, label: ts(s) }))} />
          <Field name="dueFrom" id="wl-due-from" type="date" label={t("filters.dueFrom")} defaultValue={query.dueFrom ?? ""} />
          <Field name="dueTo" id="wl-due-to" type="date" label={t("filters.dueTo")} defaultValue={query.dueTo ?? ""} />
          <Field name="applicant" id="wl-applicant" label={t("filters.applicant")} hint={t("filters.applicantHint")} defaultValue={query.applicant ?? ""} maxLength={200} autoComplete="off" />
          <Field name="number" id="wl-number" label={t("filters.number")} hint={t("filters.numberHint")} defaultValue={query.number ?? ""} maxLength={50} autoComplete="off" />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("filters.apply")}
          </button>
          {filtered ? (
            <Link href={{ pathname: "/officer", query: query.queue ? { queue: query.queue } : {} }} className="font-medium text-brand-700 underline underline-offset-2">
              {t("filters.reset")}
            </Link>
          ) : null}
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{filtered ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption className="p-3 text-left font-semibold">{t(query.after ? "captionNext" : "caption", { count: rows.length })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">{t("columns.number")}</th>
                <th scope="col" className="p-3">{t("columns.applicant")}</th>
                <th scope="col" className="p-3">{t("columns.service")}</th>
                <th scope="col" className="p-3">{t("columns.step")}</th>
                <th scope="col" className="p-3">{t("columns.status")}</th>
                <th scope="col" className="p-3">{t("columns.stepDue")}</th>
                <th scope="col" className="p-3">{t("columns.countdown")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="p-3 font-mono font-medium">
                    <Link href={`/officer/applications/${r.id}`} className="text-brand-700 underline underline-offset-2">
                      {r.registrationNumber ?? t("columns.noNumber")}
                    </Link>
                  </th>
                  <td className="p-3">
                    {r.applicantName}
                    <span className="block font-mono text-slate-700">{r.applicantIdentifier}</span>
                  </td>
                  <td className="p-3">
                    {serviceTitle(r.serviceCode)}
                    <span className="block text-slate-700">{t(`variants.${r.variant.toLowerCase()}`)}</span>
                  </td>
                  <td className="p-3">{stepLabel(t, r.stepKey)}</td>
                  <td className="p-3">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="p-3 whitespace-nowrap">{r.stepDueAt ? formatDateTime(r.stepDueAt, loc) : "—"}</td>
                  <td className="p-3">
                    <CountdownBadge countdown={r.countdown} storedLevel={r.deadlineLevel} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {query.after || next ? (
        <nav aria-label={t("pagination.label")} className="flex flex-wrap gap-4">
          {query.after ? (
            <Link href={{ pathname: "/officer", query: queryOf(query) }} className="font-semibold text-brand-700 underline">
              {t("pagination.first")}
            </Link>
          ) : null}
          {next ? (
            <Link href={{ pathname: "/officer", query: { ...queryOf(query), after: next } }} className="font-semibold text-brand-700 underline">
              {t("pagination.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
