import { notFound } from "next/navigation";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/app/_server/db";
import { formatDate, type Locale } from "@/lib/platform/i18n";
import { isDemoMode } from "@/lib/platform/demo";
import { DEMO_EDS_PASSWORD, listDemoCertificates } from "@/lib/trust/certificates";
import { Link } from "@/components/i18n/navigation";
import { PageTitle } from "@/components/ui/page-title";
import { CertificateStatusBadge } from "@/components/signing/certificate-status-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "eds.demo" });
  return { title: t("title") };
}

/** Demo key stores of the sandbox CA, with their password, for trying EDS sign-in and signing. */
export default async function DemoCertificatesPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  if (!isDemoMode(process.env)) notFound();
  const locale = (await getLocale()) as Locale;
  const [t, te] = await Promise.all([getTranslations("eds.demo"), getTranslations("eds")]);
  const list = await listDemoCertificates(getDb(), { now: new Date() });
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
            {t("password")} <code className="rounded bg-slate-100 px-2 py-0.5 font-mono text-base font-semibold" data-testid="demo-eds-password">{DEMO_EDS_PASSWORD}</code>
          </p>
          <p className="mt-2 text-sm text-slate-700">{t("files")}</p>
          <p className="mt-2 text-sm">
            <Link href="/applicant/test-certificate" className="text-brand-700 underline">
              {t("selfService")}
            </Link>
          </p>
          <h2 className="mt-4 font-semibold">{t("caTitle")}</h2>
          <ul className="mt-1 list-disc pl-6 text-sm">
            <li>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file from a route handler, not a page */}
              <a href="/api/pki/ca" className="text-brand-700 underline">
                {t("caCertificates")}
              </a>
            </li>
            <li>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file from a route handler, not a page */}
              <a href="/api/pki/crl" className="text-brand-700 underline">
                {t("crl")}
              </a>
            </li>
          </ul>
        </div>
      </div>
      {list.length === 0 ? (
        <p role="status">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">{t("columns.holder")}</th>
                <th scope="col" className="p-3">{t("columns.identifiers")}</th>
                <th scope="col" className="p-3">{t("columns.account")}</th>
                <th scope="col" className="p-3">{t("columns.purpose")}</th>
                <th scope="col" className="p-3">{t("columns.role")}</th>
                <th scope="col" className="p-3">{t("columns.validity")}</th>
                <th scope="col" className="p-3">{t("columns.status")}</th>
                <th scope="col" className="p-3">{t("columns.file")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr
                  key={c.serial}
                  className="border-t border-slate-200 align-top"
                  data-serial={c.serial}
                  data-iin={c.iin ?? ""}
                  data-bin={c.bin ?? ""}
                  data-login={c.user?.login ?? ""}
                  data-purpose={c.purpose.toLowerCase()}
                  data-role={c.role}
                  data-status={c.status}
                >
                  <th scope="row" className="p-3 font-medium">
                    {c.holderName}
                    {c.organisation ? <span className="block text-xs font-normal text-slate-600">{c.organisation}</span> : null}
                  </th>
                  <td className="p-3 font-mono">
                    {c.iin ? <span className="block">{te("labels.iin")} {c.iin}</span> : null}
                    {c.bin ? <span className="block">{te("labels.bin")} {c.bin}</span> : null}
                  </td>
                  <td className="p-3 font-mono">{c.user?.login ?? "—"}</td>
                  <td className="p-3">{te(`purpose.${c.purpose}`)}</td>
                  <td className="p-3">{te.has(`role.${c.role}`) ? te(`role.${c.role}`) : c.role}</td>
                  <td className="p-3 whitespace-nowrap">{t("validity", { from: formatDate(c.notBefore, locale), to: formatDate(c.notAfter, locale) })}</td>
                  <td className="p-3">
                    <CertificateStatusBadge status={c.status} />
                    {c.revokedAt ? <span className="block text-xs text-slate-700">{t("revokedOn", { date: formatDate(c.revokedAt, locale) })}</span> : null}
                  </td>
                  <td className="p-3">
                    <a
                      href={`/api/pki/demo-certificates/${c.serial}`}
                      download
                      className="whitespace-nowrap text-brand-700 underline"
                      aria-label={t("downloadLabel", { purpose: te(`purpose.${c.purpose}`), holder: c.holderName, id: c.bin ?? c.iin ?? "" })}
                    >
                      {t("download")}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
