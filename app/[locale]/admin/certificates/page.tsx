import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { z } from "zod";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { formatDate, formatDateTime } from "@/lib/platform/i18n";
import { ADMIN_REVOCATION_REASONS, listIssuedCertificates } from "@/lib/trust/certificates";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/table";
import { certificateIdentityColumns } from "@/components/signing/certificate-columns";
import { CertificateStatusBadge } from "@/components/signing/certificate-status-badge";
import { RevokeForm } from "./revoke-form";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export const generateMetadata = titleMetadata("eds.admin.title");

/** Administrator: certificates of the sandbox CA, their status, and revocation. */
export default async function AdminCertificatesPage({ params, searchParams }: LocalePageProps) {
  const locale = await pageLocale(params);
  const actor = await requireActor("admin.pki");
  const { q } = ZQuery.parse(await searchParams);
  const [t, te] = await Promise.all([getTranslations("eds.admin"), getTranslations("eds")]);
  const list = await listIssuedCertificates(getDb(), actor, { now: new Date(), query: q });
  const identity = certificateIdentityColumns(te, (key) => t(`columns.${key}`), { login: true });
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <FilterForm submitLabel={t("search")} className="flex flex-wrap items-end gap-2">
          <Field id="cert-q" name="q" type="search" label={t("searchLabel")} defaultValue={q ?? ""} />
        </FilterForm>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file from a route handler, not a page */}
        <a href="/api/pki/crl" className="text-brand-700 underline">
          {t("crl")}
        </a>
      </div>
      <DataTable
        caption={t("tableCaption")}
        rows={list}
        rowKey={(c) => c.serial}
        empty={<span role="status">{t("empty")}</span>}
        columns={[
          {
            key: "serial",
            header: t("columns.serial"),
            cell: (c) => (
              // Hooks for tests and scripts: the serial and status of the row.
              <span className="font-mono text-xs" data-serial={c.serial} data-status={c.status}>
                {c.serial}
              </span>
            ),
          },
          identity.holder,
          identity.identifiers,
          identity.purpose,
          identity.role,
          {
            key: "validity",
            header: t("columns.validity"),
            className: "whitespace-nowrap",
            cell: (c) => (
              <>
                {formatDate(c.notBefore, locale)} – {formatDate(c.notAfter, locale)}
              </>
            ),
          },
          { key: "status", header: t("columns.status"), cell: (c) => <CertificateStatusBadge status={c.status} /> },
          {
            key: "action",
            header: t("columns.action"),
            cell: (c) => (
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
            ),
          },
        ]}
      />
    </div>
  );
}
