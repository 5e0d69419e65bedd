import type { InputHTMLAttributes, ReactNode } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  label: ReactNode;
  /** Already translated error text; tied to the box by aria-describedby (needs `id`). */
  error?: string;
};

/** A checkbox with its label beside it (the whole label toggles it) and an optional error under it. */
export function CheckboxField({ label, error, id, className, ...rest }: Props) {
  const errorId = error && id ? `${id}-error` : undefined;
  const box = (
    <label className={`flex items-start gap-2 ${className ?? ""}`}>
      <input type="checkbox" id={id} className="mt-1" aria-invalid={error ? true : undefined} aria-describedby={errorId} {...rest} />
      <span>{label}</span>
    </label>
  );
  if (!error) return box;
  return (
    <div className="flex flex-col gap-1">
      {box}
      <p id={errorId} className="text-sm font-medium text-red-700">
        {error}
      </p>
    </div>
  );
}
