import { getLocale, getTranslations } from "next-intl/server";
import type { OfficerApplication } from "@/lib/cases/officer-actions";
import type { RegistryLookupResult } from "@/lib/integration/registries";
import { formatDate, type Locale } from "@/lib/platform/i18n";
import { Alert } from "@/components/ui/alert";
import { Facts, Section } from "./section";

/** Who applies: the subject, a representative under a power of attorney, and the registry's answer. */
export async function ApplicantSection({ app, registry }: { app: OfficerApplication; registry: RegistryLookupResult | null }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.applicant");
  const tr = await getTranslations("registries");
  const s = app.subject;
  const rep = app.representative;
  return (
    <Section id="applicant" title={t("title")}>
      <Facts
        rows={[
          [t("name"), s.name],
          [t(s.kind === "LEGAL_ENTITY" ? "bin" : "iin"), <span key="id" className="font-mono">{s.identifier}</span>],
          [t("kind"), t(`kinds.${s.kind}`)],
          ...(s.legalAddress ? [[t("address"), s.legalAddress] as [string, string]] : []),
          ...(s.headName ? [[t("head"), s.headName] as [string, string]] : []),
          ...(s.email || s.phone ? [[t("contacts"), [s.phone, s.email].filter(Boolean).join(" · ")] as [string, string]] : []),
          [t("channel"), t(`channels.${app.channel}`)],
        ]}
      />
      <h3 className="mt-4 text-lg font-semibold">{t("representative")}</h3>
      {rep ? (
        <Facts
          rows={[
            [t("repName"), rep.fullName],
            [t("iin"), <span key="iin" className="font-mono">{rep.iin}</span>],
            [t("repBasis"), t.has(`bases.${rep.basis}` as never) ? t(`bases.${rep.basis}` as never) : rep.basis],
            ...(rep.poaNumber ? [[t("poa"), `№ ${rep.poaNumber}${rep.poaDate ? ` · ${formatDate(rep.poaDate, locale)}` : ""}${rep.poaNotarised ? ` · ${t("notarised")}` : ""}`] as [string, string]] : []),
          ]}
        />
      ) : (
        <p className="text-slate-700">{t("noRepresentative")}</p>
      )}
      <h3 className="mt-4 text-lg font-semibold">{t("registry")}</h3>
      {registry === null ? (
        <p className="text-slate-700">{t("registryNotApplicable")}</p>
      ) : registry.status === "found" ? (
        <div data-testid="registry-found">
          <p className="mb-2 text-sm font-semibold text-green-800">{tr("lookup.found")}</p>
          <Facts
            rows={[
              [tr("entity.name"), registry.entity.name],
              [tr("entity.legalAddress"), registry.entity.legalAddress],
              [tr("entity.headName"), registry.entity.headName],
              [tr("entity.registeredAt"), formatDate(new Date(`${registry.entity.registeredAt}T00:00:00+05:00`), locale)],
              [tr("entity.status"), tr(`entity.statuses.${registry.entity.status}`)],
            ]}
          />
        </div>
      ) : registry.status === "unavailable" ? (
        <Alert tone="error">{tr("registry_unavailable")}</Alert>
      ) : (
        <Alert tone="error" title={tr("data_unavailable")}>
          {registry.status === "liquidated" ? <p>{tr("lookup.liquidated")}</p> : null}
        </Alert>
      )}
    </Section>
  );
}
