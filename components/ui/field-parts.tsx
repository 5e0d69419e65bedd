import type { ReactNode } from "react";

/** A field's label; a required field is marked with an asterisk hidden from screen readers (they hear `required`). */
export function FieldLabel({ htmlFor, required, className, children }: { htmlFor: string; required?: boolean; className?: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className={className ?? "font-medium"}>
      {children}
      {required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
    </label>
  );
}

/** A hint or note under a label, tied to its input by aria-describedby through `id`. */
export function FieldHint({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <p id={id} className={className ?? "text-sm text-slate-600"}>
      {children}
    </p>
  );
}

/** A field's error (already translated), tied to its input by aria-describedby through `id`; nothing without one. */
export function FieldError({ id, className, children }: { id: string; className?: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className={`text-sm font-medium text-red-700 ${className ?? ""}`}>
      {children}
    </p>
  ) : null;
}
