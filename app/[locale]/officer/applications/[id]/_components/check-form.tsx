"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { recordCheckAction } from "../actions";
import { ActionFeedback, FieldError } from "./action-feedback";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

type L = { kk: string; ru: string; en: string };
export type ChecklistProps = { check: "completeness" | "qualification" | "inspection"; items: { key: string; label: L; hint?: L }[]; everyItemRequired: boolean };
type Answer = { passed: boolean | null; note: string };

const inputClass = "w-full rounded border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700";

/**
 * The result of one check. Completeness: complete, or incomplete with the missing / faulty
 * documents (each with a comment). Qualification requirements and the 003 inspection: every
 * requirement meets / does not meet, with a comment (required when it does not); the overall
 * result follows from the items.
 */
export function CheckForm({ target, checklist, checkLabel }: { target: ActionTarget; checklist: ChecklistProps; checkLabel: string }) {
  const t = useTranslations("officer.actions.check");
  const locale = useLocale() as keyof L;
  const { state, submit, pending, fieldError } = useOfficerAction(recordCheckAction, "record_check");
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [complete, setComplete] = useState<boolean | null>(null);
  const [note, setNote] = useState("");
  const isChecklist = checklist.everyItemRequired && checklist.items.length > 0;
  const id = `check-${checklist.check}`;
  const set = (key: string, a: Partial<Answer>) => setAnswers((prev) => ({ ...prev, [key]: { passed: null, note: "", ...prev[key], ...a } }));

  function payload() {
    if (isChecklist) {
      const items = checklist.items.map((i) => ({ key: i.key, passed: answers[i.key]?.passed === true, note: answers[i.key]?.note.trim() || undefined, answered: answers[i.key]?.passed != null }));
      return { items: items.filter((i) => i.answered).map(({ answered: _a, ...i }) => i), passed: items.every((i) => i.answered && i.passed) };
    }
    const items = checklist.items.filter((i) => answers[i.key]?.passed === false).map((i) => ({ key: i.key, passed: false, note: answers[i.key]?.note.trim() || undefined }));
    return { items: complete === false ? items : [], passed: complete === true };
  }
  const overall = isChecklist && checklist.items.every((i) => answers[i.key]?.passed != null) ? payload().passed : null;
  const itemIndex = (key: string) => payload().items.findIndex((i) => i.key === key);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const p = payload();
        submit({ ...target, check: checklist.check, passed: p.passed, items: p.items, note: note.trim() || undefined });
      }}
      className="flex flex-col gap-4"
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        {t("title", { check: checkLabel })}
      </h3>

      {isChecklist ? (
        <ol className="flex flex-col gap-3">
          {checklist.items.map((item, n) => {
            const a = answers[item.key];
            const idx = itemIndex(item.key);
            const noteError = idx >= 0 ? fieldError(`items.${idx}.note`) : undefined;
            return (
              <li key={item.key} className="rounded border border-slate-200 p-3">
                <fieldset>
                  <legend className="font-medium">
                    {n + 1}. {item.label[locale]}
                  </legend>
                  {item.hint ? <p className="text-sm text-slate-700">{item.hint[locale]}</p> : null}
                  <div className="mt-2 flex flex-wrap gap-4">
                    {([true, false] as const).map((v) => (
                      <label key={String(v)} className="flex items-center gap-2">
                        <input type="radio" name={`${id}-${item.key}`} checked={a?.passed === v} onChange={() => set(item.key, { passed: v })} className="h-4 w-4" />
                        {v ? t("meets") : t("doesNotMeet")}
                      </label>
                    ))}
                  </div>
                  <label htmlFor={`${id}-${item.key}-note`} className="mt-2 block text-sm font-medium">
                    {a?.passed === false ? t("commentRequired") : t("comment")}
                  </label>
                  <input
                    id={`${id}-${item.key}-note`}
                    value={a?.note ?? ""}
                    onChange={(e) => set(item.key, { note: e.target.value })}
                    maxLength={2000}
                    aria-invalid={noteError ? true : undefined}
                    aria-describedby={noteError ? `${id}-${item.key}-note-error` : undefined}
                    className={inputClass}
                  />
                  <FieldError id={`${id}-${item.key}-note-error`} code={noteError} />
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : (
        <fieldset>
          <legend className="font-medium">{checklist.check === "completeness" ? t("completenessLegend") : t("resultLegend")}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {([true, false] as const).map((v) => (
              <label key={String(v)} className="flex items-center gap-2">
                <input type="radio" name={`${id}-result`} checked={complete === v} onChange={() => setComplete(v)} className="h-4 w-4" />
                {checklist.check === "completeness" ? (v ? t("complete") : t("incomplete")) : v ? t("passed") : t("failed")}
              </label>
            ))}
          </div>
        </fieldset>
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
                    <input type="checkbox" checked={missing} onChange={(e) => set(item.key, { passed: e.target.checked ? false : null })} className="mt-1 h-4 w-4" />
                    <span>{item.label[locale]}</span>
                  </label>
                  {missing ? (
                    <div className="mt-2">
                      <label htmlFor={`${id}-${item.key}-note`} className="block text-sm font-medium">
                        {t("whatIsWrong")}
                      </label>
                      <input
                        id={`${id}-${item.key}-note`}
                        value={answers[item.key]?.note ?? ""}
                        onChange={(e) => set(item.key, { note: e.target.value })}
                        maxLength={2000}
                        aria-invalid={noteError ? true : undefined}
                        aria-describedby={noteError ? `${id}-${item.key}-note-error` : undefined}
                        className={inputClass}
                      />
                      <FieldError id={`${id}-${item.key}-note-error`} code={noteError} />
                    </div>
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

      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-note`} className="font-medium">
          {t("note")}
        </label>
        <textarea
          id={`${id}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={2000}
          aria-invalid={fieldError("note") ? true : undefined}
          aria-describedby={fieldError("note") ? `${id}-note-error` : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-note-error`} code={fieldError("note")} />
      </div>
      <ActionFeedback state={state} />
      <div>
        <Button type="submit" busy={pending} disabled={!isChecklist && complete === null}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
