"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { draftDecisionAction } from "../actions";
import { ActionFeedback, FieldError } from "./action-feedback";
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
  const toggle = (list: string[], code: string, on: boolean) => (on ? [...list, code] : list.filter((c) => c !== code));
  const subtypesError = fieldError("decision.subtypes");
  const groundsError = fieldError("decision.grounds");
  const reasonError = fieldError("decision.reason");

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (kind === "licence") submit({ ...target, decision: { kind, subtypes } });
        else if (kind === "refusal") submit({ ...target, decision: { kind, grounds, reason } });
      }}
      className="flex flex-col gap-4"
      aria-labelledby="action-decision"
      noValidate
    >
      <h3 id="action-decision" className="text-lg font-semibold">
        {t("title")}
      </h3>
      {kinds.length > 1 ? (
        <fieldset>
          <legend className="font-medium">{t("kindLegend")}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {kinds.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="radio" name="decision-kind" checked={kind === k} onChange={() => setKind(k)} className="h-4 w-4" />
                {tw(k)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="text-slate-700">{t("onlyKind", { kind: tw(kinds[0] ?? "refusal") })}</p>
      )}

      {kind === "licence" ? (
        <fieldset aria-describedby={subtypesError ? "decision-subtypes-error" : undefined}>
          <legend className="font-medium">{t("subtypesLegend")}</legend>
          <ul className="mt-2 flex flex-col gap-2">
            {options.subtypes.map((s) => (
              <li key={s.code}>
                <label className="flex items-start gap-2">
                  <input type="checkbox" checked={subtypes.includes(s.code)} onChange={(e) => setSubtypes((l) => toggle(l, s.code, e.target.checked))} className="mt-1 h-4 w-4" />
                  <span>
                    {s.label[locale]}
                    {options.requestedSubtypes.includes(s.code) ? <span className="ml-2 text-sm text-slate-700">({t("requested")})</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="decision-subtypes-error" code={subtypesError} />
        </fieldset>
      ) : null}

      {kind === "refusal" ? (
        <>
          <fieldset aria-describedby={groundsError ? "decision-grounds-error" : undefined}>
            <legend className="font-medium">{t("groundsLegend")}</legend>
            <ul className="mt-2 flex flex-col gap-2">
              {options.grounds.map((g) => (
                <li key={g.code}>
                  <label className="flex items-start gap-2">
                    <input type="checkbox" checked={grounds.includes(g.code)} onChange={(e) => setGrounds((l) => toggle(l, g.code, e.target.checked))} className="mt-1 h-4 w-4" />
                    <span>{g.label}</span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldError id="decision-grounds-error" code={groundsError} />
          </fieldset>
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

      <ActionFeedback state={state} />
      <div>
        <Button type="submit" busy={pending} disabled={!kind}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
