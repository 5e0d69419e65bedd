import { PayButton } from "./_components/pay-button";
import { orNotFound } from "@/app/_server/or-not-found";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { Link } from "@/components/i18n/navigation";
import { getApplication, getApplicationProgress, readiness, requestBytesFor } from "@/lib/cases/applications";
import { documentSlots, formDefinition, getService, type TVariantCode } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { getPaymentOverview } from "@/lib/cases/payments";
import { PageTitle } from "@/components/ui/page-title";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/status/status-badge";
import { CatalogueForm } from "@/app/[locale]/applicant/applications/[id]/_components/catalogue-form";
import { WizardDocuments } from "@/app/[locale]/applicant/applications/[id]/_components/wizard-documents";
import { PaymentStatus } from "@/components/payments/payment-status";
import { SubmitPanel } from "@/app/[locale]/applicant/applications/[id]/_components/submit-panel";
import { SummaryList } from "@/components/ui/summary-list";
import { Timeline } from "@/components/applications/timeline";

function Section({ n, id, title, children, done }: { n?: number; id: string; title: string; children: React.ReactNode; done?: boolean }) {
  return (
    <section
      id={id}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5"
      aria-labelledby={`${id}-title`}
      data-done={done ? "true" : undefined}
    >
      <h2 id={`${id}-title`} className="mb-4 flex items-center gap-3 text-xl font-semibold">
        {n ? (
          <span
            aria-hidden="true"
            className={`inline-flex h-8 w-8 items-center justify-center rounded-full text-base ${done ? "bg-green-700 text-white" : "bg-brand-100 text-brand-800"}`}
          >
            {done ? "✓" : n}
          </span>
        ) : null}
        {title}
      </h2>
      {children}
    </section>
  );
}

async function load(id: string) {
  const actor = await requireActor("application.read_own");
  return { actor, app: await orNotFound(getApplication(getDb(), actor, id)) };
}

export default async function ApplicantApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { actor, app } = await load(id);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("applications");
  const tAll = await getTranslations();
  const tCode = (code: string) => (tAll.has(code as never) ? tAll(code as never) : tAll("errors.unexpected"));
  const tw = await getTranslations("workflow");
  const db = getDb();
  const now = new Date();
  const service = getService(app.serviceCode)!;
  const variant = app.variant.toLowerCase() as TVariantCode;
  const orgName = locale === "kk" ? app.organisation.nameKk : locale === "ru" ? app.organisation.nameRu : app.organisation.nameEn;

  const header = (
    <PageTitle lead={`${service.shortTitle[locale]} · ${t(`variantNames.${variant}`)} · ${orgName}`}>
      {app.registrationNumber ? t("view.titleNumber", { number: app.registrationNumber }) : t("view.titleDraft")}
    </PageTitle>
  );

  const fields = formDefinition(service, variant);
  const slots = app.channel === "PORTAL" ? documentSlots(service, variant, "portal") : [];
  const labelOf = (name: string) => {
    const f = fields.find((x) => x.name === name.split(".")[0]);
    return f ? (typeof f.label === "string" ? tCode(f.label) : f.label[locale]) : name;
  };
  const formData = (app.formData ?? {}) as Record<string, unknown>;
  const answerOf = (name: string) => {
    const f = fields.find((x) => x.name === name)!;
    const v = formData[name];
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return "—";
    const optionLabel = (code: string) => f.options?.find((o) => o.value === code)?.label[locale] ?? code;
    return Array.isArray(v) ? v.map((x) => optionLabel(String(x))).join("; ") : f.options ? optionLabel(String(v)) : String(v);
  };

  if (app.status === "DRAFT") {
    const [ready, overview, bytes] = await Promise.all([
      readiness(db, app),
      getPaymentOverview(db, { actor, applicationId: app.id, now }),
      requestBytesFor(db, app),
    ]);
    const docs = app.documents.map((d) => ({ id: d.id, slotKey: d.slotKey, fileName: d.fileName, mimeType: d.mimeType, size: d.size, scanned: d.scanned }));
    const formOk = Object.keys(ready.formErrors).length === 0;
    const allReady = formOk && ready.missingSlots.length === 0 && ready.paid;
    // The signing checklist names each blocking field and document and links to it (GOV.UK error summary style).
    const blockers = [
      ...Object.entries(ready.formErrors).map(([name, code]) => ({ href: `#af-${name.split(".")[0]}`, text: `${labelOf(name)}: ${tCode(code)}` })),
      ...ready.missingSlots.map((key) => ({
        href: `#slot-${key}`,
        text: t("wizard.attachNamed", { name: slots.find((s) => s.key === key)?.label[locale] ?? key }),
      })),
      ...(ready.paid ? [] : [{ href: "#step-payment", text: t("wizard.payFirst") }]),
    ];
    return (
      <div className="flex flex-col gap-5">
        {header}
        <Alert tone="info">{t("wizard.lead")}</Alert>
        <Section n={1} id="step-form" title={t("wizard.form")} done={formOk}>
          <CatalogueForm applicationId={app.id} fields={fields} initial={app.formData as Record<string, string | string[]>} version={app.version} />
        </Section>
        <Section n={2} id="step-documents" title={t("wizard.documents")} done={ready.missingSlots.length === 0}>
          <WizardDocuments applicationId={app.id} slots={slots} documents={docs} />
        </Section>
        <Section n={3} id="step-payment" title={t("wizard.payment")} done={ready.paid}>
          {overview.required ? <PaymentStatus overview={overview} headingLevel={3} payButton={(p) => <PayButton {...p} />} /> : <p>{t("wizard.free")}</p>}
        </Section>
        <Section n={4} id="step-sign" title={t("wizard.sign")} done={allReady}>
          {allReady ? null : (
            <div role="status" data-testid="readiness-list" className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 p-3 text-brand-800">
              <p className="font-semibold">{t("wizard.notReady")}</p>
              <ul className="mt-1 list-inside list-disc">
                {blockers.map((b) => (
                  <li key={b.href}>
                    <a className="font-medium underline" href={b.href}>
                      {b.text}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h3 className="mb-2 text-lg font-semibold">{t("wizard.checkAnswers")}</h3>
          <dl className="mb-4 divide-y divide-slate-200 border-y border-slate-200" data-testid="check-answers">
            {fields.map((f) => (
              <div key={f.name} className="grid gap-1 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] sm:gap-4">
                <dt className="font-medium">{labelOf(f.name)}</dt>
                <dd className="break-words">{answerOf(f.name)}</dd>
                <dd>
                  <a className="text-brand-700 underline" href={`#af-${f.name}`}>
                    {t("wizard.change")}
                    <span className="sr-only"> {labelOf(f.name)}</span>
                  </a>
                </dd>
              </div>
            ))}
            {slots.map((s) => (
              <div key={s.key} className="grid gap-1 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] sm:gap-4">
                <dt className="font-medium">{s.label[locale]}</dt>
                <dd className="break-words">
                  {docs
                    .filter((d) => d.slotKey === s.key)
                    .map((d) => d.fileName)
                    .join("; ") || "—"}
                </dd>
                <dd>
                  <a className="text-brand-700 underline" href={`#slot-${s.key}`}>
                    {t("wizard.change")}
                    <span className="sr-only"> {s.label[locale]}</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
          <SubmitPanel applicationId={app.id} contentBase64={Buffer.from(bytes).toString("base64")} ready={allReady} />
        </Section>
        <p>
          <Link className="text-red-800 underline" href={`/applicant/applications/${app.id}/withdraw`} data-testid="withdraw-link">
            {t("view.withdrawDraft")}
          </Link>
        </p>
      </div>
    );
  }

  const { assigneeNames: nameOf, licence } = await getApplicationProgress(db, app);
  const open = ["SUBMITTED", "IN_PROGRESS", "SUSPENDED"].includes(app.status);
  const justSubmitted = (await searchParams).submitted === "1";
  return (
    <div className="flex flex-col gap-5">
      {header}
      {justSubmitted && app.registrationNumber ? (
        // GOV.UK confirmation panel: the reference number and what happens next.
        <div className="rounded-lg bg-green-800 p-6 text-center text-white" data-testid="confirmation-panel" role="status">
          <p className="text-2xl font-bold">{t("submit.submittedTitle", { number: app.registrationNumber })}</p>
          <p className="mt-2">{t("confirm.number")}</p>
          <p className="font-mono text-2xl font-bold">{app.registrationNumber}</p>
          {app.dueAt ? <p className="mt-2">{t("submit.readyBy", { at: formatDateTime(app.dueAt, locale) })}</p> : null}
          <p className="mt-2">{t("confirm.next")}</p>
        </div>
      ) : null}
      <Section id="status" title={t("view.status")}>
        <SummaryList
          className=""
          rows={[
            { label: t("view.state"), value: <StatusBadge status={app.status} /> },
            ...(open
              ? [
                  { label: t("view.currentStep"), value: app.stepKey && tw.has(`step.${app.stepKey}` as never) ? tw(`step.${app.stepKey}` as never) : "—" },
                  { label: t("view.readyBy"), value: app.dueAt ? formatDateTime(app.dueAt, locale) : "—" },
                ]
              : app.closedAt
                ? [{ label: t("view.closedAt"), value: formatDateTime(app.closedAt, locale) }]
                : []),
            ...(app.registeredAt ? [{ label: t("view.registeredAt"), value: formatDateTime(app.registeredAt, locale) }] : []),
            ...(app.baseLicence
              ? [
                  {
                    label: t("view.baseLicence"),
                    value: (
                      <Link className="font-mono text-brand-700 underline" href={`/licences/${app.baseLicence.id}`} data-testid="base-licence">
                        {app.baseLicence.number}
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {licence ? (
          <div className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3" data-testid="issued-licence">
            <p className="font-semibold">{t("view.licenceIssued", { number: licence.number })}</p>
            <p className="mt-1 flex flex-wrap gap-4">
              <a className="font-semibold text-brand-700 underline" href={`/api/licences/${licence.id}/pdf`}>
                {t("view.downloadLicence", { number: licence.number })}
              </a>
              <Link className="text-brand-700 underline" href={`/licences/${licence.id}`}>
                {t("view.openLicence")}
              </Link>
            </p>
          </div>
        ) : null}
        <p className="mt-4 flex flex-wrap gap-4">
          {app.registrationNumber ? (
            <Link className="font-semibold text-brand-700 underline" href={`/applicant/applications/${app.id}/receipt`} data-testid="receipt-link">
              {t("view.receipt")}
            </Link>
          ) : null}
          {["ISSUED", "REFUSED", "DEEMED_ISSUED"].includes(app.status) ? (
            <>
              <Link className="text-brand-700 underline" href={`/applicant/applications/${app.id}/survey`}>
                {t("view.survey")}
              </Link>
              <Link className="text-brand-700 underline" href={`/applicant/complaints/new?application=${app.id}`}>
                {t("view.complain")}
              </Link>
            </>
          ) : null}
        </p>
      </Section>
      <Section id="timeline" title={t("view.timeline")}>
        <Timeline now={now} open={open} steps={app.steps.map((s) => ({ ...s, assigneeName: s.assigneeId ? (nameOf.get(s.assigneeId) ?? null) : null }))} />
      </Section>
      <Section id="submitted" title={t("view.submittedData")}>
        <dl className="divide-y divide-slate-200 border-y border-slate-200" data-testid="submitted-data">
          {fields.map((f) => (
            <div key={f.name} className="grid gap-1 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:gap-4">
              <dt className="font-medium">{labelOf(f.name)}</dt>
              <dd className="break-words">{answerOf(f.name)}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-4 mb-2 text-lg font-semibold">{t("view.documents")}</h3>
        {app.documents.length ? (
          <ul className="flex flex-col gap-2" data-testid="submitted-documents">
            {app.documents.map((d) => (
              <li key={d.id} className="rounded border border-slate-200 p-2">
                <span className="font-medium">{slots.find((s) => s.key === d.slotKey)?.label[locale] ?? t("view.document")}</span>: {d.fileName}
                <span className="block font-mono text-xs break-all text-slate-700">SHA-256 {d.sha256}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>—</p>
        )}
      </Section>
      {app.status === "SUBMITTED" ? (
        <p>
          <Link className="text-red-800 underline" href={`/applicant/applications/${app.id}/withdraw`} data-testid="withdraw-link">
            {t("view.withdrawDraft")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
