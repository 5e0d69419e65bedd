import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { listApiTokens } from "@/lib/integration/api-tokens";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenForm } from "./revoke-token-form";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "api.tokens" });
  return { title: t("title") };
}

/** The applicant's API tokens: create one (shown once), see when each was last used, revoke. */
export default async function ApiTokensPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const actor = await requireActor("api_token.manage");
  const locale = (await getLocale()) as Locale;
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

      <section aria-labelledby="create-token" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="create-token" className="mb-4 text-xl font-semibold">
          {t("createTitle")}
        </h2>
        <CreateTokenForm />
      </section>

      <section aria-labelledby="token-list">
        <h2 id="token-list" className="mb-4 text-xl font-semibold">
          {t("listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p role="status">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="p-3">
                    {t("columns.name")}
                  </th>
                  <th scope="col" className="p-3">
                    {t("columns.createdAt")}
                  </th>
                  <th scope="col" className="p-3">
                    {t("columns.lastUsedAt")}
                  </th>
                  <th scope="col" className="p-3">
                    {t("columns.status")}
                  </th>
                  <th scope="col" className="p-3">
                    {t("columns.action")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr key={tk.id} className="border-t border-slate-200 align-top" data-token-id={tk.id}>
                    <th scope="row" className="p-3 font-medium">
                      {tk.name}
                    </th>
                    <td className="p-3 whitespace-nowrap">{formatDateTime(tk.createdAt, locale)}</td>
                    <td className="p-3 whitespace-nowrap">{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, locale) : t("never")}</td>
                    <td className="p-3">{tk.revokedAt ? t("revoked", { at: formatDateTime(tk.revokedAt, locale) }) : t("active")}</td>
                    <td className="p-3">{tk.revokedAt ? null : <RevokeTokenForm tokenId={tk.id} name={tk.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
