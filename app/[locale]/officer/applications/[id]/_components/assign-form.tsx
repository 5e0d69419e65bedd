"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { assignAction } from "../actions";
import { FieldError } from "./action-feedback";
import { OfficerActionForm } from "./officer-action-form";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

export type Candidate = { id: string; name: string; position: string | null; openCount: number };

/** A resolution naming the officer of the next step, with each candidate's current load. */
export function AssignForm({ target, roleLabel, candidates }: { target: ActionTarget; roleLabel: string; candidates: Candidate[] }) {
  const t = useTranslations("officer.actions.assign");
  const { state, submit, pending, fieldError } = useOfficerAction(assignAction, "assign");
  const [chosen, setChosen] = useState<string>("");
  const error = fieldError("assigneeId");
  return (
    <OfficerActionForm
      id="action-assign"
      title={t("title", { role: roleLabel })}
      onSubmit={() => submit({ ...target, assigneeId: chosen })}
      feedback={state}
      submit={{ label: t("submit"), busy: pending, disabled: candidates.length === 0 }}
      className="flex flex-col gap-3"
    >
      {candidates.length === 0 ? (
        <p className="text-slate-700">{t("none", { role: roleLabel })}</p>
      ) : (
        <fieldset aria-describedby={error ? "assign-error" : undefined}>
          <legend className="mb-2 font-medium">{t("legend", { role: roleLabel })}</legend>
          <ul className="flex flex-col gap-2">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex cursor-pointer items-start gap-3 rounded border border-slate-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                  <input type="radio" name="assigneeId" value={c.id} checked={chosen === c.id} onChange={() => setChosen(c.id)} className="mt-1 h-4 w-4" />
                  <span>
                    <span className="font-semibold">{c.name}</span>
                    {c.position ? <span className="text-slate-700"> · {c.position}</span> : null}
                    <span className="block text-sm text-slate-700">{t("load", { count: c.openCount })}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="assign-error" code={error} />
        </fieldset>
      )}
    </OfficerActionForm>
  );
}
