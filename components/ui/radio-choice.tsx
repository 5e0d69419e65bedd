import type { ReactNode } from "react";

type Props<V extends string | boolean> = {
  legend: ReactNode;
  /** The radios' group name. */
  name: string;
  options: readonly { value: V; label: ReactNode }[];
  value: V | null;
  onChange: (value: V) => void;
  /** A line under the legend. */
  hint?: ReactNode;
  className?: string;
  /** More of the same question after the radios (e.g. a comment on the answer). */
  children?: ReactNode;
};

/** A short either/or choice: a fieldset with its legend and the radios side by side. */
export function RadioChoice<V extends string | boolean>({ legend, name, options, value, onChange, hint, className, children }: Props<V>) {
  return (
    <fieldset className={className}>
      <legend className="font-medium">{legend}</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((o) => (
          <label key={String(o.value)} className="flex items-center gap-2">
            <input type="radio" name={name} value={String(o.value)} checked={value === o.value} onChange={() => onChange(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
