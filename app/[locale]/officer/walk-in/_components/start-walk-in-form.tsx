"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { startWalkInAction } from "@/app/[locale]/officer/walk-in/actions";
import type { TRegistryEntity } from "@/lib/integration/registries";
import { RegistryLookup } from "@/app/[locale]/officer/_components/registry-lookup";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { PanelSection } from "@/components/ui/panel-section";
import { RadioChoice } from "@/components/ui/radio-choice";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { ActionForm } from "@/components/ui/action-form";

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
      <PanelSection id="wi-applicant" title={t("applicantTitle")}>
        <RadioChoice
          legend={t("kind")}
          name="wi-kind"
          options={KINDS.map((k) => ({ value: k, label: tr(RECIPIENT[k]) }))}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setEntity(null);
          }}
        />
        {kind === "LEGAL_ENTITY" ? (
          // A new lookup forgets the previous answer until the registry has replied.
          <div onSubmit={() => setEntity(null)}>
            <p className="mb-3 text-slate-700">{t("lookupLead")}</p>
            <RegistryLookup idPrefix="walk-in" onFound={setEntity} />
          </div>
        ) : (
          <p className="text-slate-700">{t("personLead")}</p>
        )}
      </PanelSection>

      {canProceed ? (
        <ActionForm onData={(fd) => formAction(fd)} className="flex flex-col gap-6" aria-labelledby="wi-service">
          {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
          <input type="hidden" name="applicantKind" value={kind} />
          {kind === "LEGAL_ENTITY" ? (
            <input type="hidden" name="identifier" value={entity?.bin ?? ""} />
          ) : (
            <PanelSection id="wi-person" title={t("personTitle")}>
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
            </PanelSection>
          )}

          <PanelSection id="wi-service" title={t("serviceTitle")}>
            {available.length === 0 ? (
              <Alert tone="info">{t("noServices")}</Alert>
            ) : (
              <>
                <SelectField
                  id="wi-service-code"
                  name="serviceCode"
                  label={t("service")}
                  value={service?.code ?? ""}
                  onChange={(e) => setServiceCode(e.target.value)}
                  error={err("serviceCode")}
                  options={available.map((s) => ({ value: s.code, label: s.title }))}
                />
                <SelectField
                  id="wi-variant"
                  name="variant"
                  label={t("variant")}
                  value={currentVariant}
                  onChange={(e) => setVariant(e.target.value)}
                  options={(service?.variants ?? []).map((v) => ({ value: v, label: tv(v) }))}
                />
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
          </PanelSection>

          <PanelSection id="wi-rep" title={t("repTitle")}>
            <CheckboxField name="represented" label={t("represented")} checked={represented} onChange={(e) => setRepresented(e.target.checked)} />
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
                <CheckboxField id="wi-rep-notarised" name="repNotarised" label={t("repNotarised")} error={err("repNotarised")} />
              </div>
            ) : null}
          </PanelSection>

          {postal ? (
            // A letter to the office: the date of receipt starts the term [004 L2616-2619, L7855-7858].
            <PanelSection id="wi-post" title={t("postTitle")}>
              <CheckboxField name="receivedByPost" label={t("receivedByPost")} checked={byPost} onChange={(e) => setByPost(e.target.checked)} />
              {byPost ? (
                <Field
                  id="wi-post-received"
                  name="receivedOn"
                  type="date"
                  label={t("receivedOn")}
                  hint={t("receivedOnHint")}
                  defaultValue={today}
                  max={today}
                  required
                  error={err("receivedOn") ?? err("receivedByPost")}
                />
              ) : null}
              <CheckboxField name="replyByPost" label={t("replyByPost")} />
            </PanelSection>
          ) : null}

          <div>
            <Button type="submit" busy={pending || state?.ok} disabled={available.length === 0}>
              {t("submit")}
            </Button>
          </div>
        </ActionForm>
      ) : (
        <p className="text-slate-700">{t("lookupFirst")}</p>
      )}
    </div>
  );
}
