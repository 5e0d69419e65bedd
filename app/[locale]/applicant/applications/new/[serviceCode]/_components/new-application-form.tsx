"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { createDraftAction } from "@/app/[locale]/applicant/applications/new/[serviceCode]/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
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
          <div className="flex flex-col gap-1">
            <label htmlFor="base-licence" className="font-medium">
              {t("licence")}
            </label>
            <select
              id="base-licence"
              name="baseLicenceId"
              required
              value={licenceId}
              onChange={(e) => setLicenceId(e.target.value)}
              className="rounded border border-slate-400 bg-white px-3 py-2"
            >
              {licences.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.number}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <Alert tone="info">{t("noLicence")}</Alert>
        )
      ) : null}
      {needsLicence && licence ? (
        // Re-issue, duplicate and annex go to the body that issued the licence.
        <input type="hidden" name="organisationCode" value={licence.organisationCode} />
      ) : (
        <div className="flex flex-col gap-1">
          <label htmlFor="provider" className="font-medium">
            {t("provider")}
          </label>
          <p id="provider-hint" className="text-sm text-slate-700">
            {providers.length > 1 ? t("providerHint") : t("providerOnly")}
          </p>
          {providerError ? (
            <p id="provider-error" className="text-sm font-medium text-red-700">
              {tc(providerError)}
            </p>
          ) : null}
          {/* No silent default: with several bodies the applicant chooses (the first was Astana for everyone). */}
          <select
            id="provider"
            name="organisationCode"
            required
            defaultValue={providers.length === 1 ? providers[0]!.code : ""}
            aria-describedby={providerError ? "provider-hint provider-error" : "provider-hint"}
            aria-invalid={providerError ? true : undefined}
            className="rounded border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700"
          >
            {providers.length > 1 ? <option value="">{t("chooseProvider")}</option> : null}
            {providers.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name === p.regionName ? p.name : `${p.name} — ${p.regionName}`}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <Button type="submit" busy={pending || state?.ok} disabled={needsLicence && !licences.length}>
          {t("start")}
        </Button>
      </div>
    </form>
  );
}
