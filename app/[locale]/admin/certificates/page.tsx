import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { formatDate, formatDateTime, type Locale } from "@/lib/platform/i18n";
import { ADMIN_REVOCATION_REASONS, listIssuedCertificates } from "@/lib/trust/certificates";
import { PageTitle } from "@/components/ui/page-title";
import { CertificateStatusBadge } from "@/components/signing/certificate-status-badge";
import { RevokeForm } from "./revoke-form";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "eds.admin" });
  return { title: t("title") };
}

/** Administrator: certificates of the sandbox CA, their status, and revocation. */
export default async function AdminCertificatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  setRequestLocale((await params).locale);
  const actor = await requireActor("admin.pki");
  const locale = (await getLocale()) as Locale;
  const { q } = ZQuery.parse(await searchParams);
  const [t, te] = await Promise.all([getTranslations("eds.admin"), getTranslations("eds")]);
  const list = await listIssuedCertificates(getDb(), actor, { now: new Date(), query: q });
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="cert-q" className="font-medium">
              {t("searchLabel")}
            </label>
            <input id="cert-q" name="q" type="search" defaultValue={q ?? ""} className="rounded border border-slate-400 bg-white px-3 py-2" />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("search")}
          </button>
        </form>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file from a route handler, not a page */}
        <a href="/api/pki/crl" className="text-brand-700 underline">
          {t("crl")}
        </a>
      </div>
      {list.length === 0 ? (
        <p role="status">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">{t("columns.serial")}</th>
                <th scope="col" className="p-3">{t("columns.holder")}</th>
                <th scope="col" className="p-3">{t("columns.identifiers")}</th>
                <th scope="col" className="p-3">{t("columns.purpose")}</th>
                <th scope="col" className="p-3">{t("columns.role")}</th>
                <th scope="col" className="p-3">{t("columns.validity")}</th>
                <th scope="col" className="p-3">{t("columns.status")}</th>
                <th scope="col" className="p-3">{t("columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.serial} className="border-t border-slate-200 align-top" data-serial={c.serial} data-status={c.status}>
                  <td className="p-3 font-mono text-xs">{c.serial}</td>
                  <th scope="row" className="p-3 font-medium">
                    {c.holderName}
                    {c.organisation ? <span className="block text-xs font-normal text-slate-600">{c.organisation}</span> : null}
                    {c.user ? <span className="block font-mono text-xs font-normal text-slate-600">{c.user.login}</span> : null}
                  </th>
                  <td className="p-3 font-mono">
                    {c.iin ? <span className="block">{te("labels.iin")} {c.iin}</span> : null}
                    {c.bin ? <span className="block">{te("labels.bin")} {c.bin}</span> : null}
                  </td>
                  <td className="p-3">{te(`purpose.${c.purpose}`)}</td>
                  <td className="p-3">{te.has(`role.${c.role}`) ? te(`role.${c.role}`) : c.role}</td>
                  <td className="p-3 whitespace-nowrap">
                    {formatDate(c.notBefore, locale)} – {formatDate(c.notAfter, locale)}
                  </td>
                  <td className="p-3">
                    <CertificateStatusBadge status={c.status} />
                  </td>
                  <td className="p-3">
                    <RevokeForm
                      serial={c.serial}
                      reasons={ADMIN_REVOCATION_REASONS}
                      revokedText={
                        c.revokedAt
                          ? t("revokedBy", {
                              date: formatDateTime(c.revokedAt, locale),
                              reason: c.revocationReason && te.has(`reason.${c.revocationReason}`) ? te(`reason.${c.revocationReason}`) : (c.revocationReason ?? ""),
                            })
                          : null
                      }
                    />
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
