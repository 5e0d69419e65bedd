"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FieldLabel } from "@/components/ui/field-parts";

export type HoursValue = { start: string; end: string; breaks: [string, string][] };

type Props = {
  /** Field path prefix, e.g. "workingHours"; also the prefix of the server's field errors. */
  name: string;
  legend: string;
  initial: HoursValue | null;
  /** Translated error of a path under `name`, or undefined. */
  error: (path: string) => string | undefined;
};

/** Reads the hours of one fieldset back from the form (names `<prefix>.start`, `<prefix>.breaks.<i>.0`). */
export function readHours(fd: FormData, prefix: string): HoursValue {
  const get = (k: string) => String(fd.get(`${prefix}.${k}`) ?? "").trim();
  const breaks: [string, string][] = [];
  // Every row is sent, even an empty one, so the server's error indices match the rows on screen.
  for (let i = 0; fd.has(`${prefix}.breaks.${i}.0`); i++) breaks.push([get(`breaks.${i}.0`), get(`breaks.${i}.1`)]);
  return { start: get("start"), end: get("end"), breaks };
}

function TimeInput({ id, name, label, defaultValue, error, describedBy }: { id: string; name: string; label: string; defaultValue: string; error?: string; describedBy?: string }) {
  const errorId = `${id}-error`;
  const described = [error ? errorId : null, describedBy].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id} className="text-sm font-medium">
        {label}
      </FieldLabel>
      <input
        id={id}
        name={name}
        type="time"
        step={60}
        defaultValue={defaultValue}
        aria-invalid={error || describedBy ? true : undefined}
        aria-describedby={described}
        className="rounded border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700"
      />
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

/**
 * Start, end and breaks of working or reception hours. Break rows can be added and removed; the
 * server validates with the calendar's rules and its errors appear next to the row they concern.
 */
export function HoursFieldset({ name, legend, initial, error }: Props) {
  const t = useTranslations("admin.hours");
  const uid = useId();
  const [rows, setRows] = useState(() => (initial?.breaks ?? []).map((b, i) => ({ key: `i${i}`, value: b })));
  const [seq, setSeq] = useState(0);
  const groupError = error(`${name}.breaks`);
  const id = (k: string) => `${uid}-${k}`;
  return (
    <fieldset className="rounded border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        <TimeInput id={id("start")} name={`${name}.start`} label={t("start")} defaultValue={initial?.start ?? ""} error={error(`${name}.start`)} />
        <TimeInput id={id("end")} name={`${name}.end`} label={t("end")} defaultValue={initial?.end ?? ""} error={error(`${name}.end`)} />
      </div>
      <ul className="mt-4 flex flex-col gap-3">
        {rows.map((row, i) => {
          const rowError = error(`${name}.breaks.${i}`) ?? error(`${name}.breaks.${i}.1`) ?? error(`${name}.breaks.${i}.0`);
          const rowErrorId = id(`${row.key}-error`);
          return (
            <li key={row.key} className="flex flex-wrap items-end gap-4">
              <TimeInput id={id(`${row.key}-from`)} name={`${name}.breaks.${i}.0`} label={t("breakFrom", { n: i + 1 })} defaultValue={row.value[0]} describedBy={rowError ? rowErrorId : undefined} />
              <TimeInput id={id(`${row.key}-to`)} name={`${name}.breaks.${i}.1`} label={t("breakTo", { n: i + 1 })} defaultValue={row.value[1]} describedBy={rowError ? rowErrorId : undefined} />
              <button type="button" onClick={() => setRows(rows.filter((r) => r.key !== row.key))} className="rounded border border-slate-400 px-3 py-2 text-sm font-semibold hover:bg-slate-50">
                {t("removeBreak", { n: i + 1 })}
              </button>
              <FieldError id={rowErrorId} className="w-full">
                {rowError ? `${t("breakError", { n: i + 1 })}: ${rowError}` : null}
              </FieldError>
            </li>
          );
        })}
      </ul>
      {groupError ? <p className="mt-2 text-sm font-medium text-red-700">{groupError}</p> : null}
      {rows.length < 4 ? (
        <button
          type="button"
          onClick={() => {
            setRows([...rows, { key: `n${seq}`, value: ["", ""] }]);
            setSeq(seq + 1);
          }}
          className="mt-3 rounded border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("addBreak")}
        </button>
      ) : null}
    </fieldset>
  );
}
