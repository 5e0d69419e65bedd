import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldError, FieldHint, FieldLabel } from "./field-parts";

export type SelectOption = { value: string; label: string; disabled?: boolean };

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first option with the empty value ("All", "Choose…"). */
  placeholder?: string;
  /** Already translated error text. */
  error?: string;
  hint?: ReactNode;
  /** Shown after the select (e.g. why it is locked); tied by aria-describedby as `<id>-note`. */
  note?: ReactNode;
  /** Marks the label as required without the `required` attribute (the server decides). */
  markRequired?: boolean;
  /** Classes of the wrapper. */
  className?: string;
  selectClassName?: string;
};

/** Labelled select with its hint, note and error tied by aria-describedby; the sibling of `Field`. */
export function SelectField({ name, label, options, placeholder, error, hint, note, markRequired, id, className, selectClassName, ...rest }: Props) {
  const selectId = id ?? `f-${name}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const noteId = note ? `${selectId}-note` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <FieldLabel htmlFor={selectId} required={rest.required || markRequired}>
        {label}
      </FieldLabel>
      {hint && hintId ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <select
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, noteId, errorId].filter(Boolean).join(" ") || undefined}
        className={`rounded border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700 ${selectClassName ?? ""}`}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {note && noteId ? (
        <FieldHint id={noteId} className="text-sm text-slate-700">
          {note}
        </FieldHint>
      ) : null}
      <FieldError id={`${selectId}-error`}>{error}</FieldError>
    </div>
  );
}
