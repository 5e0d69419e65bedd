import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { z } from "zod";
import { Link } from "@/components/i18n/navigation";
import { listServices, PROVIDER_LEVELS, SERVICE_KINDS } from "@/lib/law/catalogue";
import { getOrganisations } from "@/lib/law/organisations";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-title";
import { SelectField } from "@/components/ui/select-field";
import { TermText } from "@/components/catalogue/term-text";

const ZCatalogueQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  level: z.enum(PROVIDER_LEVELS).optional().catch(undefined),
  kind: z.enum(SERVICE_KINDS).optional().catch(undefined),
  org: z.string().max(60).optional().catch(undefined),
});

export default async function CataloguePage({ params, searchParams }: LocalePageProps) {
  const locale = await pageLocale(params);
  const query = ZCatalogueQuery.parse(await searchParams);
  const [t, tc, tCommon] = await Promise.all([getTranslations("home"), getTranslations("catalogue"), getTranslations("common")]);
  const services = listServices({ query: query.q, providerLevel: query.level, kind: query.kind, organisationCode: query.org || undefined });
  const kinds = SERVICE_KINDS.map((k) => ({ value: k, label: tc(`kind.${k}`) }));
  const providers = getOrganisations().map((o) => ({ value: o.code, label: o.name[locale] }));
  const all = tCommon("all");
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <FilterForm
        label={t("searchForm")}
        submitLabel={tCommon("search")}
        reset={{ href: "/", label: tCommon("reset") }}
        className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <Field
          id="cat-q"
          name="q"
          type="search"
          label={t("searchLabel")}
          defaultValue={query.q ?? ""}
          placeholder={t("searchPlaceholder")}
          className="lg:col-span-2"
        />
        <SelectField id="cat-kind" name="kind" label={t("kindLabel")} defaultValue={query.kind ?? ""} placeholder={all} options={kinds} />
        <SelectField id="cat-org" name="org" label={t("providerLabel")} defaultValue={query.org ?? ""} placeholder={all} options={providers} />
      </FilterForm>
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
