import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { getDb } from "@/app/_server/db";
import { formatDate } from "@/lib/platform/i18n";
import { isDemoMode } from "@/lib/platform/demo";
import { DEMO_EDS_PASSWORD, listDemoCertificates } from "@/lib/trust/certificates";
import { Link } from "@/components/i18n/navigation";
import { PageTitle } from "@/components/ui/page-title";
import { certificateIdentityColumns, certificatePurpose } from "@/components/signing/certificate-columns";
import { CertificateStatusBadge } from "@/components/signing/certificate-status-badge";
import { DataTable } from "@/components/ui/table";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("eds.demo.title");

/** Demo key stores of the sandbox CA, with their password, for trying EDS sign-in and signing. */
export default async function DemoCertificatesPage({ params }: Pick<LocalePageProps, "params">) {
  const locale = await pageLocale(params);
  if (!isDemoMode(process.env)) notFound();
  const [t, te] = await Promise.all([getTranslations("eds.demo"), getTranslations("eds")]);
  const list = await listDemoCertificates(getDb(), { now: new Date() });
  const identity = certificateIdentityColumns(te, (key) => t(`columns.${key}`));
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-6 flex flex-col gap-3">
        <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
          <p className="font-bold uppercase">{t("sandboxTitle")}</p>
          <p>{t("sandbox")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p>
            {t("password")}{" "}
            <code className="rounded bg-slate-100 px-2 py-0.5 font-mono text-base font-semibold" data-testid="demo-eds-password">
              {DEMO_EDS_PASSWORD}
            </code>
          </p>
          <p className="mt-2 text-sm text-slate-700">{t("files")}</p>
          <p className="mt-2 text-sm">
            <Link href="/applicant/test-certificate" className="text-brand-700 underline">
              {t("selfService")}
            </Link>
          </p>
          <h2 className="mt-4 font-semibold">{t("caTitle")}</h2>
          <ul className="mt-1 list-disc pl-6 text-sm">
            {/* Plain links: files from route handlers, not pages. */}
            {[
              { href: "/api/pki/ca", label: t("caCertificates") },
              { href: "/api/pki/crl", label: t("crl") },
            ].map((file) => (
              <li key={file.href}>
                <a href={file.href} className="text-brand-700 underline">
                  {file.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {list.length === 0 ? (
        <p role="status">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("tableCaption")}
          rows={list}
          rowKey={(c) => c.serial}
          // Hooks for the browser tests and the demo scripts that pick a key store by its holder.
          rowData={(c) => ({
            "data-serial": c.serial,
            "data-iin": c.iin ?? "",
            "data-bin": c.bin ?? "",
            "data-login": c.user?.login ?? "",
            "data-purpose": c.purpose.toLowerCase(),
            "data-role": c.role,
            "data-status": c.status,
          })}
          columns={[
            identity.holder,
            identity.identifiers,
            { key: "account", header: t("columns.account"), className: "font-mono", cell: (c) => c.user?.login ?? "—" },
            identity.purpose,
            identity.role,
            {
              key: "validity",
              header: t("columns.validity"),
              className: "whitespace-nowrap",
              cell: (c) => t("validity", { from: formatDate(c.notBefore, locale), to: formatDate(c.notAfter, locale) }),
            },
            {
              key: "status",
              header: t("columns.status"),
              cell: (c) => (
                <>
                  <CertificateStatusBadge status={c.status} />
                  {c.revokedAt ? <span className="block text-xs text-slate-700">{t("revokedOn", { date: formatDate(c.revokedAt, locale) })}</span> : null}
                </>
              ),
            },
            {
              key: "file",
              header: t("columns.file"),
              cell: (c) => (
                <a
                  href={`/api/pki/demo-certificates/${c.serial}`}
                  download
                  className="whitespace-nowrap text-brand-700 underline"
                  aria-label={t("downloadLabel", { purpose: certificatePurpose(te, c), holder: c.holderName, id: c.bin ?? c.iin ?? "" })}
                >
                  {t("download")}
                </a>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
