"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { createDraftAction } from "@/app/[locale]/applicant/applications/new/[serviceCode]/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type Props = {
  serviceCode: string;
  defaultVariant?: string;
  defaultLicenceId?: string;
  variants: string[];
  /** Each body with the region it serves (the applicant applies where the activity is carried out). */
  providers: { code: string; name: string; regionName: string }[];
  licences: { id: string; number: string; organisationCode: string }[];
};

const NEEDS_LICENCE = new Set(["reissue", "duplicate", "annex"]);

export function NewApplicationForm({ serviceCode, variants, providers, licences, defaultVariant, defaultLicenceId }: Props) {
  const t = useTranslations("applications.new");
  const tv = useTranslations("catalogue.variant");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [variant, setVariant] = useState(defaultVariant && variants.includes(defaultVariant) ? defaultVariant : variants[0]!);
  const [licenceId, setLicenceId] = useState(licences.find((l) => l.id === defaultLicenceId)?.id ?? licences[0]?.id);
  const licence = licences.find((l) => l.id === licenceId);
  const [state, formAction, pending] = useActionState(createDraftAction, null);
  useEffect(() => {
    if (state?.ok) router.push(`/applicant/applications/${state.data.id}`);
  }, [state, router]);
  const needsLicence = NEEDS_LICENCE.has(variant);
  const providerError = state && !state.ok ? state.fieldErrors?.organisationCode : undefined;

  return (
    <form action={formAction} className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6">
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <input type="hidden" name="serviceCode" value={serviceCode} />
      <fieldset>
        <legend className="font-medium">{t("variant")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {variants.map((v) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" name="variant" value={v} checked={variant === v} onChange={() => setVariant(v)} />
              {tv(v)}
            </label>
          ))}
        </div>
      </fieldset>
      {needsLicence ? (
        licences.length ? (
          <SelectField
            id="base-licence"
            name="baseLicenceId"
            label={t("licence")}
            required
            value={licenceId}
            onChange={(e) => setLicenceId(e.target.value)}
            options={licences.map((l) => ({ value: l.id, label: l.number }))}
          />
        ) : (
          <Alert tone="info">{t("noLicence")}</Alert>
        )
      ) : null}
      {needsLicence && licence ? (
        // Re-issue, duplicate and annex go to the body that issued the licence.
        <input type="hidden" name="organisationCode" value={licence.organisationCode} />
      ) : (
        // No silent default: with several bodies the applicant chooses (the first was Astana for everyone).
        <SelectField
          id="provider"
          name="organisationCode"
          label={t("provider")}
          hint={providers.length > 1 ? t("providerHint") : t("providerOnly")}
          error={providerError ? tc(providerError) : undefined}
          required
          defaultValue={providers.length === 1 ? providers[0]!.code : ""}
          placeholder={providers.length > 1 ? t("chooseProvider") : undefined}
          options={providers.map((p) => ({ value: p.code, label: p.name === p.regionName ? p.name : `${p.name} — ${p.regionName}` }))}
        />
      )}
      <div>
        <Button type="submit" busy={pending || state?.ok} disabled={needsLicence && !licences.length}>
          {t("start")}
        </Button>
      </div>
    </form>
  );
}
