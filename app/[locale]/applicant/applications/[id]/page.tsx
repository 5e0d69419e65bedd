import { PayButton } from "./_components/pay-button";
import { notFound } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { Link } from "@/components/i18n/navigation";
import { getApplication, getApplicationProgress, readiness, requestBytesFor } from "@/lib/cases/applications";
import { documentSlots, formDefinition, getService, type TVariantCode } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { getPaymentOverview } from "@/lib/cases/payments";
import { PageTitle } from "@/components/ui/page-title";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/status/status-badge";
import { CatalogueForm } from "@/app/[locale]/applicant/applications/[id]/_components/catalogue-form";
import { DocumentSlots } from "@/components/documents/document-slots";
import { PaymentStatus } from "@/components/payments/payment-status";
import { SubmitPanel } from "@/app/[locale]/applicant/applications/[id]/_components/submit-panel";
import { Timeline } from "@/components/applications/timeline";
import { WithdrawButton } from "@/app/[locale]/applicant/applications/[id]/_components/withdraw-button";

function Section({ n, title, children, done }: { n?: number; title: string; children: React.ReactNode; done?: boolean }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby={`sec-${title}`}>
      <h2 id={`sec-${title}`} className="mb-4 flex items-center gap-3 text-xl font-semibold">
        {n ? (
          <span aria-hidden="true" className={`inline-flex h-8 w-8 items-center justify-center rounded-full text-base ${done ? "bg-green-700 text-white" : "bg-brand-100 text-brand-800"}`}>
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

export default async function ApplicantApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, app } = await load(id);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("applications");
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

  if (app.status === "DRAFT") {
    const [ready, overview, bytes] = await Promise.all([readiness(db, app), getPaymentOverview(db, { actor, applicationId: app.id, now }), requestBytesFor(db, app)]);
    const docs = app.documents.map((d) => ({ id: d.id, slotKey: d.slotKey, fileName: d.fileName, mimeType: d.mimeType, size: d.size, scanned: d.scanned }));
    const formOk = Object.keys(ready.formErrors).length === 0;
    const allReady = formOk && ready.missingSlots.length === 0 && ready.paid;
    return (
      <div className="flex flex-col gap-5">
        {header}
        <Alert tone="info">{t("wizard.lead")}</Alert>
        <Section n={1} title={t("wizard.form")} done={formOk}>
          <CatalogueForm applicationId={app.id} fields={formDefinition(service, variant)} initial={app.formData as Record<string, string | string[]>} version={app.version} />
        </Section>
        <Section n={2} title={t("wizard.documents")} done={ready.missingSlots.length === 0}>
          <DocumentSlots applicationId={app.id} slots={documentSlots(service, variant, "portal")} documents={docs} />
        </Section>
        <Section n={3} title={t("wizard.payment")} done={ready.paid}>
          {overview.required ? <PaymentStatus overview={overview} headingLevel={3} payButton={(p) => <PayButton {...p} />} /> : <p>{t("wizard.free")}</p>}
        </Section>
        <Section n={4} title={t("wizard.sign")}>
          {allReady ? null : (
            <Alert tone="info" title={t("wizard.notReady")}>
              <ul className="list-inside list-disc">
                {formOk ? null : <li>{t("wizard.fixForm")}</li>}
                {ready.missingSlots.length ? <li>{t("wizard.addDocuments")}</li> : null}
                {ready.paid ? null : <li>{t("wizard.payFirst")}</li>}
              </ul>
            </Alert>
          )}
          <SubmitPanel applicationId={app.id} contentBase64={Buffer.from(bytes).toString("base64")} ready={allReady} />
        </Section>
        <Section title={t("view.withdrawTitle")}>
          <WithdrawButton applicationId={app.id} />
        </Section>
      </div>
    );
  }

  const { assigneeNames: nameOf, regulation, licence } = await getApplicationProgress(db, app);
  return (
    <div className="flex flex-col gap-5">
      {header}
      <Section title={t("view.status")}>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-700">{t("view.state")}</dt>
            <dd>
              <StatusBadge status={app.status} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("view.currentStep")}</dt>
            <dd>{app.stepKey && tw.has(`step.${app.stepKey}` as never) ? tw(`step.${app.stepKey}` as never) : "—"}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("view.readyBy")}</dt>
            <dd>{app.dueAt ? formatDateTime(app.dueAt, locale) : "—"}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("view.regulation")}</dt>
            <dd>{regulation ? `${regulation.regulationId} v${regulation.version}` : "—"}</dd>
          </div>
          {app.baseLicence ? (
            <div>
              <dt className="text-sm text-slate-700">{t("view.baseLicence")}</dt>
              <dd>
                <Link className="font-mono text-brand-700 underline" href={`/licences/${app.baseLicence.id}`} data-testid="base-licence">
                  {app.baseLicence.number}
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
        {licence ? (
          <p className="mt-4">
            <a className="font-semibold text-brand-700 underline" href={`/api/licences/${licence.id}/pdf`}>
              {t("view.downloadLicence", { number: licence.number })}
            </a>
          </p>
        ) : null}
        {["ISSUED", "REFUSED", "DEEMED_ISSUED"].includes(app.status) ? (
          <p className="mt-2 flex flex-wrap gap-4">
            <Link className="text-brand-700 underline" href={`/applicant/applications/${app.id}/survey`}>
              {t("view.survey")}
            </Link>
            <Link className="text-brand-700 underline" href={`/applicant/complaints/new?application=${app.id}`}>
              {t("view.complain")}
            </Link>
          </p>
        ) : null}
      </Section>
      <Section title={t("view.timeline")}>
        <Timeline now={now} steps={app.steps.map((s) => ({ ...s, assigneeName: s.assigneeId ? (nameOf.get(s.assigneeId) ?? null) : null }))} />
      </Section>
      {app.status === "SUBMITTED" ? (
        <Section title={t("view.withdrawTitle")}>
          <WithdrawButton applicationId={app.id} />
        </Section>
      ) : null}
    </div>
  );
}
