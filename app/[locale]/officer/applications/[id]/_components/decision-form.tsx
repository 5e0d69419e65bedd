"use client";

import { useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { RadioChoice } from "@/components/ui/radio-choice";
import { TextAreaField } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { draftDecisionAction } from "../actions";
import { FieldError } from "./action-feedback";
import { OfficerActionForm } from "./officer-action-form";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

type L = { kk: string; ru: string; en: string };
export type DecisionOptionsProps = {
  licence: boolean;
  refusal: boolean;
  subtypes: { code: string; label: L }[];
  requestedSubtypes: string[];
  /** Ground code with its catalogue label, or with the text of `workflow.ground.<code>` already resolved. */
  grounds: { code: string; label: string }[];
};

/** The executor's draft: a licence for chosen activity sub-types, or a reasoned refusal. */
export function DecisionForm({ target, options }: { target: ActionTarget; options: DecisionOptionsProps }) {
  const t = useTranslations("officer.actions.decision");
  const tw = useTranslations("workflow.decision");
  const locale = useLocale() as keyof L;
  const tc = useCodeTranslator();
  const { state, submit, pending, fieldError } = useOfficerAction(draftDecisionAction, "draft_decision");
  const kinds = (["licence", "refusal"] as const).filter((k) => options[k]);
  const [kind, setKind] = useState<"licence" | "refusal" | null>(kinds.length === 1 ? kinds[0]! : null);
  const requested = options.requestedSubtypes.filter((c) => options.subtypes.some((s) => s.code === c));
  const [subtypes, setSubtypes] = useState<string[]>(requested.length ? requested : options.subtypes.length === 1 ? [options.subtypes[0]!.code] : []);
  const [grounds, setGrounds] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const subtypesError = fieldError("decision.subtypes");
  const groundsError = fieldError("decision.grounds");
  const reasonError = fieldError("decision.reason");

  return (
    <OfficerActionForm
      id="action-decision"
      title={t("title")}
      onSubmit={() => {
        if (kind === "licence") submit({ ...target, decision: { kind, subtypes } });
        else if (kind === "refusal") submit({ ...target, decision: { kind, grounds, reason } });
      }}
      feedback={state}
      submit={{ label: t("submit"), busy: pending, disabled: !kind }}
    >
      {kinds.length > 1 ? (
        <RadioChoice legend={t("kindLegend")} name="decision-kind" options={kinds.map((k) => ({ value: k, label: tw(k) }))} value={kind} onChange={setKind} />
      ) : (
        <p className="text-slate-700">{t("onlyKind", { kind: tw(kinds[0] ?? "refusal") })}</p>
      )}

      {kind === "licence" ? (
        <CheckList
          id="decision-subtypes"
          legend={t("subtypesLegend")}
          options={options.subtypes.map((s) => ({
            value: s.code,
            label: (
              <>
                {s.label[locale]}
                {options.requestedSubtypes.includes(s.code) ? <span className="ml-2 text-sm text-slate-700">({t("requested")})</span> : null}
              </>
            ),
          }))}
          checked={subtypes}
          onChange={setSubtypes}
          error={subtypesError}
        />
      ) : null}

      {kind === "refusal" ? (
        <>
          <CheckList
            id="decision-grounds"
            legend={t("groundsLegend")}
            options={options.grounds.map((g) => ({ value: g.code, label: g.label }))}
            checked={grounds}
            onChange={setGrounds}
            error={groundsError}
          />
          <TextAreaField
            id="decision-reason"
            name="reason"
            label={t("reason")}
            hint={t("reasonHint")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={5}
            maxLength={5000}
            required
            error={reasonError ? tc(reasonError) : undefined}
          />
        </>
      ) : null}
    </OfficerActionForm>
  );
}

/** Several codes out of a list (sub-types of a licence, grounds of a refusal), with the field's error. */
function CheckList({
  id,
  legend,
  options,
  checked,
  onChange,
  error,
}: {
  id: string;
  legend: ReactNode;
  options: { value: string; label: ReactNode }[];
  checked: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      <ul className="mt-2 flex flex-col gap-2">
        {options.map((o) => (
          <li key={o.value}>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                checked={checked.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...checked, o.value] : checked.filter((c) => c !== o.value))}
                className="mt-1 h-4 w-4"
              />
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={`${id}-error`} code={error} />
    </fieldset>
  );
}
