"use client";

import { startTransition, useActionState, useId, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { updateCalendarYearAction } from "@/app/[locale]/admin/calendar/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { formatIsoDay } from "@/components/admin/format";

const LISTS = ["holidays", "extraWorkingDays", "extraDaysOff"] as const;
type ListName = (typeof LISTS)[number];
type Lists = Record<ListName, string[]>;

type Props = { year: number; lists: Lists; updatedAt: string };

function DateList({
  year,
  name,
  dates,
  errors,
  onAdd,
  onRemove,
}: {
  year: number;
  name: ListName;
  dates: string[];
  errors: Map<string, string>;
  onAdd: (iso: string) => string | null;
  onRemove: (iso: string) => void;
}) {
  const t = useTranslations("admin.calendar");
  const tc = useCodeTranslator();
  const locale = useLocale();
  const uid = useId();
  const input = useRef<HTMLInputElement>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const headingId = `${uid}-h`;
  const inputId = `${uid}-add`;
  const add = () => {
    const iso = input.current?.value ?? "";
    const err = onAdd(iso);
    setAddError(err);
    if (!err && input.current) input.current.value = "";
  };
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        {t(name)} <span className="font-normal text-slate-700">({dates.length})</span>
      </h2>
      <p className="text-sm text-slate-700">{t(`${name}Hint`)}</p>
      {dates.length === 0 ? (
        <p className="text-slate-700">{t("noDates")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200" data-list={name}>
          {dates.map((iso) => {
            const err = errors.get(iso);
            const errId = `${uid}-${iso}-err`;
            return (
              <li key={iso} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>
                  <time dateTime={iso}>{formatIsoDay(iso, locale)}</time> <span className="font-mono text-sm text-slate-600">{iso}</span>
                  {err ? (
                    <span id={errId} className="block text-sm font-medium text-red-700">
                      {tc(err)}
                    </span>
                  ) : null}
                </span>
                <button
                  type="button"
                  onClick={() => onRemove(iso)}
                  aria-describedby={err ? errId : undefined}
                  className="rounded border border-slate-400 px-2 py-1 text-sm font-semibold hover:bg-slate-50"
                >
                  {t("remove", { date: formatIsoDay(iso, locale, false) })}
                  <span className="sr-only"> ({t(name)})</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            {t("dateLabel", { list: t(name) })}
          </label>
          <input
            ref={input}
            id={inputId}
            type="date"
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            aria-invalid={addError ? true : undefined}
            aria-describedby={addError ? `${inputId}-error` : undefined}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            className="rounded border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700"
          />
        </div>
        <button type="button" onClick={add} className="rounded border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50">
          {t("addDate")}
          <span className="sr-only"> ({t(name)})</span>
        </button>
        {addError ? (
          <p id={`${inputId}-error`} className="w-full text-sm font-medium text-red-700">
            {tc(addError)}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/**
 * The three lists of one calendar year, edited locally and saved together. The server validates
 * (dates of this year, never both a day off and a working day) and its errors are shown at the date.
 */
export function CalendarYearEditor({ year, lists: saved, updatedAt }: Props) {
  const t = useTranslations("admin.calendar");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(updateCalendarYearAction, null);
  const [lists, setLists] = useState<Lists>(saved);
  const [base, setBase] = useState(updatedAt);
  // The lists as last sent: the server's error paths ("holidays.3") index into them.
  const [submitted, setSubmitted] = useState<Lists>(saved);
  // A save or a regeneration re-renders the page with new data: start again from it.
  if (base !== updatedAt) {
    setBase(updatedAt);
    setLists(saved);
    setSubmitted(saved);
  }
  const errorsOf = (name: ListName): Map<string, string> => {
    const out = new Map<string, string>();
    if (!state || state.ok) return out;
    for (const [path, code] of Object.entries(state.fieldErrors ?? {})) {
      const [list, index] = path.split(".");
      const date = list === name ? submitted[name][Number(index)] : undefined;
      if (date) out.set(date, code);
    }
    return out;
  };
  const add = (name: ListName) => (iso: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "admin.calendar.date_invalid";
    if (Number(iso.slice(0, 4)) !== year) return "admin.calendar.date_outside_year";
    if (lists[name].includes(iso)) return "admin.calendar.date_already_listed";
    setLists({ ...lists, [name]: [...lists[name], iso].sort() });
    return null;
  };
  const remove = (name: ListName) => (iso: string) => setLists({ ...lists, [name]: lists[name].filter((d) => d !== iso) });
  const differs = (a: Lists, b: Lists) => LISTS.some((n) => a[n].join() !== b[n].join());
  // After a successful save the sent lists are the saved ones, whenever the refreshed page data arrive.
  const dirty = differs(lists, state?.ok ? submitted : saved);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(lists);
        startTransition(() => formAction({ year, ...lists, expectedUpdatedAt: updatedAt }));
      }}
      className="flex flex-col gap-4"
    >
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      {state?.ok && !dirty ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        {LISTS.map((name) => (
          <DateList key={name} year={year} name={name} dates={lists[name]} errors={errorsOf(name)} onAdd={add(name)} onRemove={remove(name)} />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" busy={pending}>
          {t("save")}
        </Button>
        {dirty ? <p className="text-sm font-medium text-amber-900">{t("unsaved")}</p> : null}
      </div>
    </form>
  );
}
