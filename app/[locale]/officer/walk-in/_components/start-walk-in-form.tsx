"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { startWalkInAction } from "@/app/[locale]/officer/walk-in/actions";
import type { TRegistryEntity } from "@/lib/integration/registries";
import { RegistryLookup } from "@/app/[locale]/officer/_components/registry-lookup";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type ServiceOption = { code: string; title: string; recipients: string[]; variants: string[] };
type Props = { services: ServiceOption[] };

const KINDS = ["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR", "INDIVIDUAL"] as const;
type Kind = (typeof KINDS)[number];
const RECIPIENT: Record<Kind, string> = { LEGAL_ENTITY: "legal_entity", INDIVIDUAL_ENTREPRENEUR: "individual_entrepreneur", INDIVIDUAL: "individual" };
const NEEDS_LICENCE = new Set(["reissue", "duplicate", "annex"]);
/** Power-of-attorney errors come back under the POA's own field names. */
const POA_FIELDS: Record<string, string> = {
  iin: "repIin",
  fullName: "repFullName",
  poaNumber: "repPoaNumber",
  poaDate: "repPoaDate",
  validUntil: "repValidUntil",
  notarised: "repNotarised",
};

const selectClass = "rounded border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700";

/**
 * Step (a) of the walk-in intake: who applies (a legal entity only after the "Legal entities"
 * database has returned it [001 L302-307]), for which service, and through whom (a representative
 * under a notarised power of attorney [002 L202-207]).
 */
export function StartWalkInForm({ services, postal = false, today = "" }: Props & { postal?: boolean; today?: string }) {
  const t = useTranslations("intake.start");
  const tr = useTranslations("catalogue.recipient");
  const tv = useTranslations("catalogue.variant");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("LEGAL_ENTITY");
  const [entity, setEntity] = useState<TRegistryEntity | null>(null);
  const [represented, setRepresented] = useState(false);
  const [byPost, setByPost] = useState(false);
  const [state, formAction, pending] = useActionState(startWalkInAction, null);

  const available = services.filter((s) => s.recipients.includes(RECIPIENT[kind]));
  const [serviceCode, setServiceCode] = useState(available[0]?.code ?? "");
  const service = available.find((s) => s.code === serviceCode) ?? available[0];
  const [variant, setVariant] = useState(service?.variants[0] ?? "");
  const currentVariant = service?.variants.includes(variant) ? variant : (service?.variants[0] ?? "");

  useEffect(() => {
    if (state?.ok) router.push(`/officer/walk-in/${state.data.id}`);
  }, [state, router]);

  const fieldErrors: Record<string, string> = {};
  if (state && !state.ok) {
    for (const [k, v] of Object.entries(state.fieldErrors ?? {})) fieldErrors[POA_FIELDS[k] ?? k] = v;
  }
  const err = (name: string) => (fieldErrors[name] ? tc(fieldErrors[name]) : undefined);
  const canProceed = kind !== "LEGAL_ENTITY" || entity !== null;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="wi-applicant" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="wi-applicant" className="text-xl font-semibold">
          {t("applicantTitle")}
        </h2>
        <fieldset>
          <legend className="font-medium">{t("kind")}</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {KINDS.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="wi-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setEntity(null);
                  }}
                />
                {tr(RECIPIENT[k])}
              </label>
            ))}
          </div>
        </fieldset>
        {kind === "LEGAL_ENTITY" ? (
          // A new lookup forgets the previous answer until the registry has replied.
          <div onSubmit={() => setEntity(null)}>
            <p className="mb-3 text-slate-700">{t("lookupLead")}</p>
            <RegistryLookup idPrefix="walk-in" onFound={setEntity} />
          </div>
        ) : (
          <p className="text-slate-700">{t("personLead")}</p>
        )}
      </section>

      {canProceed ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const fd = new FormData(e.currentTarget);
            startTransition(() => formAction(fd));
          }}
          className="flex flex-col gap-6"
          aria-labelledby="wi-service"
        >
          {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
          <input type="hidden" name="applicantKind" value={kind} />
          {kind === "LEGAL_ENTITY" ? (
            <input type="hidden" name="identifier" value={entity?.bin ?? ""} />
          ) : (
            <section aria-labelledby="wi-person" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="wi-person" className="text-xl font-semibold">
                {t("personTitle")}
              </h2>
              <Field
                id="wi-iin"
                name="identifier"
                label={t("iin")}
                hint={t("iinHint")}
                inputMode="numeric"
                maxLength={12}
                autoComplete="off"
                required
                error={err("identifier")}
              />
              <Field id="wi-name" name="applicantName" label={t("name")} hint={t("nameHint")} maxLength={300} required error={err("applicantName")} />
              <Field id="wi-address" name="applicantAddress" label={t("address")} maxLength={500} error={err("applicantAddress")} />
            </section>
          )}

          <section aria-labelledby="wi-service" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="wi-service" className="text-xl font-semibold">
              {t("serviceTitle")}
            </h2>
            {available.length === 0 ? (
              <Alert tone="info">{t("noServices")}</Alert>
            ) : (
              <>
                <div className="flex flex-col gap-1">
                  <label htmlFor="wi-service-code" className="font-medium">
                    {t("service")}
                  </label>
                  <select
                    id="wi-service-code"
                    name="serviceCode"
                    value={service?.code ?? ""}
                    onChange={(e) => setServiceCode(e.target.value)}
                    aria-invalid={fieldErrors.serviceCode ? true : undefined}
                    aria-describedby={fieldErrors.serviceCode ? "wi-service-code-error" : undefined}
                    className={selectClass}
                  >
                    {available.map((s) => (
                      <option key={s.code} value={s.code}>
                        {s.title}
                      </option>
                    ))}
                  </select>
                  {fieldErrors.serviceCode ? (
                    <p id="wi-service-code-error" className="text-sm font-medium text-red-700">
                      {err("serviceCode")}
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor="wi-variant" className="font-medium">
                    {t("variant")}
                  </label>
                  <select id="wi-variant" name="variant" value={currentVariant} onChange={(e) => setVariant(e.target.value)} className={selectClass}>
                    {(service?.variants ?? []).map((v) => (
                      <option key={v} value={v}>
                        {tv(v)}
                      </option>
                    ))}
                  </select>
                </div>
                {NEEDS_LICENCE.has(currentVariant) ? (
                  <Field
                    id="wi-licence"
                    name="baseLicenceNumber"
                    label={t("licenceNumber")}
                    hint={t("licenceNumberHint")}
                    maxLength={50}
                    required
                    autoComplete="off"
                    error={err("baseLicenceNumber")}
                  />
                ) : null}
              </>
            )}
          </section>

          <section aria-labelledby="wi-rep" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="wi-rep" className="text-xl font-semibold">
              {t("repTitle")}
            </h2>
            <label className="flex items-start gap-2">
              <input type="checkbox" name="represented" className="mt-1" checked={represented} onChange={(e) => setRepresented(e.target.checked)} />
              <span>{t("represented")}</span>
            </label>
            {represented ? (
              <div className="flex flex-col gap-4">
                <Alert tone="info">{t("repNotice")}</Alert>
                <Field id="wi-rep-iin" name="repIin" label={t("repIin")} inputMode="numeric" maxLength={12} autoComplete="off" required error={err("repIin")} />
                <Field id="wi-rep-name" name="repFullName" label={t("repFullName")} maxLength={300} required error={err("repFullName")} />
                <div className="grid gap-4 sm:grid-cols-3">
                  <Field id="wi-rep-number" name="repPoaNumber" label={t("repPoaNumber")} maxLength={50} required error={err("repPoaNumber")} />
                  <Field id="wi-rep-date" name="repPoaDate" type="date" label={t("repPoaDate")} required error={err("repPoaDate")} />
                  <Field id="wi-rep-until" name="repValidUntil" type="date" label={t("repValidUntil")} error={err("repValidUntil")} />
                </div>
                <div className="flex flex-col gap-1">
                  <label className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      name="repNotarised"
                      className="mt-1"
                      aria-invalid={fieldErrors.repNotarised ? true : undefined}
                      aria-describedby={fieldErrors.repNotarised ? "wi-rep-notarised-error" : undefined}
                    />
                    <span>{t("repNotarised")}</span>
                  </label>
                  {fieldErrors.repNotarised ? (
                    <p id="wi-rep-notarised-error" className="text-sm font-medium text-red-700">
                      {err("repNotarised")}
                    </p>
                  ) : null}
                </div>
              </div>
            ) : null}
          </section>

          {postal ? (
            // A letter to the office: the date of receipt starts the term [004 L2616-2619, L7855-7858].
            <section aria-labelledby="wi-post" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="wi-post" className="text-xl font-semibold">
                {t("postTitle")}
              </h2>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="receivedByPost" className="mt-1" checked={byPost} onChange={(e) => setByPost(e.target.checked)} />
                <span>{t("receivedByPost")}</span>
              </label>
              {byPost ? (
                <Field id="wi-post-received" name="receivedOn" type="date" label={t("receivedOn")} hint={t("receivedOnHint")} defaultValue={today} max={today} required error={err("receivedOn") ?? err("receivedByPost")} />
              ) : null}
              <label className="flex items-start gap-2">
                <input type="checkbox" name="replyByPost" className="mt-1" />
                <span>{t("replyByPost")}</span>
              </label>
            </section>
          ) : null}

          <div>
            <Button type="submit" busy={pending || state?.ok} disabled={available.length === 0}>
              {t("submit")}
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-slate-700">{t("lookupFirst")}</p>
      )}
    </div>
  );
}
