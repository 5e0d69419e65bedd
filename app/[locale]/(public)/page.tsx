import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/components/i18n/navigation";
import { listServices, PROVIDER_LEVELS, SERVICE_KINDS } from "@/lib/law/catalogue";
import { getOrganisations } from "@/lib/law/organisations";
import type { Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { TermText } from "@/components/catalogue/term-text";

const ZCatalogueQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  level: z.enum(PROVIDER_LEVELS).optional().catch(undefined),
  kind: z.enum(SERVICE_KINDS).optional().catch(undefined),
  org: z.string().max(60).optional().catch(undefined),
});

export default async function CataloguePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  setRequestLocale((await params).locale);
  const locale = (await getLocale()) as Locale;
  const query = ZCatalogueQuery.parse(await searchParams);
  const [t, tc, tCommon] = await Promise.all([getTranslations("home"), getTranslations("catalogue"), getTranslations("common")]);
  const services = listServices({ query: query.q, providerLevel: query.level, kind: query.kind, organisationCode: query.org || undefined });
  const orgs = getOrganisations();
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <form method="get" role="search" aria-label={t("searchForm")} className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <div className="flex flex-col gap-1 lg:col-span-2">
          <label htmlFor="cat-q" className="font-medium">
            {t("searchLabel")}
          </label>
          <input id="cat-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} className="rounded border border-slate-400 px-3 py-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="cat-kind" className="font-medium">
            {t("kindLabel")}
          </label>
          <select id="cat-kind" name="kind" defaultValue={query.kind ?? ""} className="rounded border border-slate-400 bg-white px-3 py-2">
            <option value="">{tCommon("all")}</option>
            {SERVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {tc(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="cat-org" className="font-medium">
            {t("providerLabel")}
          </label>
          <select id="cat-org" name="org" defaultValue={query.org ?? ""} className="rounded border border-slate-400 bg-white px-3 py-2">
            <option value="">{tCommon("all")}</option>
            {orgs.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name[locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {tCommon("search")}
          </button>
          <Link href="/" className="px-2 py-2 text-brand-700 underline">
            {tCommon("reset")}
          </Link>
        </div>
      </form>
      <p role="status" className="mb-3 text-slate-700">
        {t("found", { count: services.length })}
      </p>
      <ul className="grid gap-4 md:grid-cols-2">
        {services.map((s) => {
          const first = s.variants[0]!;
          return (
            <li key={s.code} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="text-sm font-medium text-brand-700">
                {tc(`kind.${s.kind}`)} · {tc(`providerLevel.${s.providerLevel}`)}
              </p>
              <h2 className="mt-1 text-lg font-semibold">
                <Link href={`/services/${s.code}`} className="hover:underline">
                  {s.shortTitle[locale]}
                </Link>
              </h2>
              <p className="mt-2 line-clamp-3 text-sm text-slate-700">{s.title[locale]}</p>
              <p className="mt-auto pt-3 text-sm">
                {tc(`variant.${first.code}`)}: <TermText term={first.term} />
                {" · "}
                {s.fee.kind === "free" ? tc("fee.free") : tc("fee.licenceFee")}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
