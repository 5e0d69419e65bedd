import type { ReactNode, SelectHTMLAttributes } from "react";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  /** Text of the empty option ("any"); omit for a required choice. */
  emptyLabel?: string;
};

/** A labelled native select (keyboard and screen-reader friendly as is). */
export function SelectField({ name, label, options, emptyLabel, id, className, ...rest }: Props) {
  const selectId = id ?? `f-${name}`;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={selectId} className="font-medium">
        {label}
      </label>
      <select id={selectId} name={name} className="rounded border border-slate-400 bg-white px-3 py-2 text-base" {...rest}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
