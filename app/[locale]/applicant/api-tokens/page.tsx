import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { requireActor } from "@/app/_server/session";
import { listApiTokens } from "@/lib/integration/api-tokens";
import { getDb } from "@/app/_server/db";
import { formatDateTime } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenForm } from "./revoke-token-form";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("api.tokens.title");

/** The applicant's API tokens: create one (shown once), see when each was last used, revoke. */
export default async function ApiTokensPage({ params }: Pick<LocalePageProps, "params">) {
  const locale = await pageLocale(params);
  const actor = await requireActor("api_token.manage");
  const t = await getTranslations("api.tokens");
  const tokens = await listApiTokens(getDb(), actor);

  return (
    <div className="flex flex-col gap-8">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <p>
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          {t("docs")}
        </a>
      </p>

      <Section
        id="create-token"
        title={t("createTitle")}
        className="rounded-lg border border-slate-200 bg-white p-5"
        titleClassName="mb-4 text-xl font-semibold"
      >
        <CreateTokenForm />
      </Section>

      <Section id="token-list" title={t("listTitle")} className="" titleClassName="mb-4 text-xl font-semibold">
        <DataTable
          caption={t("caption")}
          rows={tokens}
          rowKey={(tk) => tk.id}
          empty={<span role="status">{t("empty")}</span>}
          columns={[
            {
              key: "name",
              header: t("columns.name"),
              rowHeader: true,
              cell: (tk) => (
                <span className="font-medium" data-token-id={tk.id}>
                  {tk.name}
                </span>
              ),
            },
            { key: "createdAt", header: t("columns.createdAt"), className: "whitespace-nowrap", cell: (tk) => formatDateTime(tk.createdAt, locale) },
            {
              key: "lastUsedAt",
              header: t("columns.lastUsedAt"),
              className: "whitespace-nowrap",
              cell: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, locale) : t("never")),
            },
            {
              key: "status",
              header: t("columns.status"),
              cell: (tk) => (tk.revokedAt ? t("revoked", { at: formatDateTime(tk.revokedAt, locale) }) : t("active")),
            },
            { key: "action", header: t("columns.action"), cell: (tk) => (tk.revokedAt ? null : <RevokeTokenForm tokenId={tk.id} name={tk.name} />) },
          ]}
        />
      </Section>
    </div>
  );
}
