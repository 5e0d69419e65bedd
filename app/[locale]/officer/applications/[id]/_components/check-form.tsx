"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, TextAreaField } from "@/components/ui/field";
import { RadioChoice } from "@/components/ui/radio-choice";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { recordCheckAction } from "../actions";
import { FieldError } from "./action-feedback";
import { OfficerActionForm } from "./officer-action-form";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

type L = { kk: string; ru: string; en: string };
export type ChecklistProps = {
  check: "completeness" | "qualification" | "inspection";
  items: { key: string; label: L; hint?: L }[];
  everyItemRequired: boolean;
};
type Answer = { passed: boolean | null; note: string };

/**
 * The result of one check. Completeness: complete, or incomplete with the missing / faulty
 * documents (each with a comment). Qualification requirements and the 003 inspection: every
 * requirement meets / does not meet, with a comment (required when it does not); the overall
 * result follows from the items.
 */
export function CheckForm({ target, checklist, checkLabel }: { target: ActionTarget; checklist: ChecklistProps; checkLabel: string }) {
  const t = useTranslations("officer.actions.check");
  const locale = useLocale() as keyof L;
  const tc = useCodeTranslator();
  const { state, submit, pending, fieldError } = useOfficerAction(recordCheckAction, "record_check");
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [complete, setComplete] = useState<boolean | null>(null);
  const [note, setNote] = useState("");
  const isChecklist = checklist.everyItemRequired && checklist.items.length > 0;
  const id = `check-${checklist.check}`;
  const set = (key: string, a: Partial<Answer>) => setAnswers((prev) => ({ ...prev, [key]: { passed: null, note: "", ...prev[key], ...a } }));

  function payload() {
    if (isChecklist) {
      const items = checklist.items.map((i) => ({
        key: i.key,
        passed: answers[i.key]?.passed === true,
        note: answers[i.key]?.note.trim() || undefined,
        answered: answers[i.key]?.passed != null,
      }));
      return { items: items.filter((i) => i.answered).map(({ answered: _a, ...i }) => i), passed: items.every((i) => i.answered && i.passed) };
    }
    const items = checklist.items
      .filter((i) => answers[i.key]?.passed === false)
      .map((i) => ({ key: i.key, passed: false, note: answers[i.key]?.note.trim() || undefined }));
    return { items: complete === false ? items : [], passed: complete === true };
  }
  const overall = isChecklist && checklist.items.every((i) => answers[i.key]?.passed != null) ? payload().passed : null;
  const itemIndex = (key: string) => payload().items.findIndex((i) => i.key === key);

  return (
    <OfficerActionForm
      id={`${id}-title`}
      title={t("title", { check: checkLabel })}
      onSubmit={() => {
        const p = payload();
        submit({ ...target, check: checklist.check, passed: p.passed, items: p.items, note: note.trim() || undefined });
      }}
      feedback={state}
      submit={{ label: t("submit"), busy: pending, disabled: !isChecklist && complete === null }}
    >
      {isChecklist ? (
        <ol className="flex flex-col gap-3">
          {checklist.items.map((item, n) => {
            const a = answers[item.key];
            const idx = itemIndex(item.key);
            const noteError = idx >= 0 ? fieldError(`items.${idx}.note`) : undefined;
            return (
              <li key={item.key} className="rounded border border-slate-200 p-3">
                <RadioChoice
                  legend={`${n + 1}. ${item.label[locale]}`}
                  hint={item.hint?.[locale]}
                  name={`${id}-${item.key}`}
                  options={[
                    { value: true, label: t("meets") },
                    { value: false, label: t("doesNotMeet") },
                  ]}
                  value={a?.passed ?? null}
                  onChange={(v) => set(item.key, { passed: v })}
                >
                  <NoteInput
                    id={`${id}-${item.key}-note`}
                    label={a?.passed === false ? t("commentRequired") : t("comment")}
                    value={a?.note ?? ""}
                    onChange={(note) => set(item.key, { note })}
                    error={noteError}
                  />
                </RadioChoice>
              </li>
            );
          })}
        </ol>
      ) : (
        <RadioChoice
          legend={checklist.check === "completeness" ? t("completenessLegend") : t("resultLegend")}
          name={`${id}-result`}
          options={([true, false] as const).map((v) => ({
            value: v,
            label: checklist.check === "completeness" ? (v ? t("complete") : t("incomplete")) : v ? t("passed") : t("failed"),
          }))}
          value={complete}
          onChange={setComplete}
        />
      )}

      {!isChecklist && complete === false && checklist.items.length > 0 ? (
        <fieldset aria-describedby={fieldError("items") ? `${id}-items-error` : undefined}>
          <legend className="font-medium">{t("missingLegend")}</legend>
          <ul className="mt-2 flex flex-col gap-2">
            {checklist.items.map((item) => {
              const missing = answers[item.key]?.passed === false;
              const idx = itemIndex(item.key);
              const noteError = idx >= 0 ? fieldError(`items.${idx}.note`) : undefined;
              return (
                <li key={item.key} className="rounded border border-slate-200 p-3">
                  <label className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      checked={missing}
                      onChange={(e) => set(item.key, { passed: e.target.checked ? false : null })}
                      className="mt-1 h-4 w-4"
                    />
                    <span>{item.label[locale]}</span>
                  </label>
                  {missing ? (
                    <NoteInput
                      id={`${id}-${item.key}-note`}
                      label={t("whatIsWrong")}
                      value={answers[item.key]?.note ?? ""}
                      onChange={(note) => set(item.key, { note })}
                      error={noteError}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
          <FieldError id={`${id}-items-error`} code={fieldError("items")} />
        </fieldset>
      ) : null}

      {isChecklist ? (
        <p role="status" className="font-medium">
          {overall === null ? t("overallPending") : overall ? t("overallPassed") : t("overallFailed")}
        </p>
      ) : null}
      <FieldError id={`${id}-checklist-error`} code={isChecklist ? (fieldError("items") ?? fieldError("passed")) : fieldError("passed")} />

      <TextAreaField
        id={`${id}-note`}
        name="note"
        label={t("note")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={3}
        maxLength={2000}
        error={fieldError("note") ? tc(fieldError("note")!) : undefined}
      />
    </OfficerActionForm>
  );
}

/** The comment on one checklist item, with its error. */
function NoteInput({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (note: string) => void; error?: string }) {
  const tc = useCodeTranslator();
  return (
    <Field
      id={id}
      name={id}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      maxLength={2000}
      error={error ? tc(error) : undefined}
      className="mt-2"
    />
  );
}
