import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { FieldError, FieldHint, FieldLabel } from "./field-parts";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: ReactNode;
  /** Already translated error text. */
  error?: string;
  hint?: ReactNode;
};

type Frame = { id?: string; name: string; label: ReactNode; required?: boolean; error?: string; hint?: ReactNode; className?: string };
type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** Label, hint and error around one control; the control gets its id (default `f-<name>`) and the ids that describe it. */
function Framed({ frame, control }: { frame: Frame; control: (a: ControlProps) => ReactNode }) {
  const { label, required, error, hint, className } = frame;
  const inputId = frame.id ?? `f-${frame.name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <FieldLabel htmlFor={inputId} required={required}>
        {label}
      </FieldLabel>
      {hint && hintId ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      {control({ id: inputId, "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined })}
      <FieldError id={`${inputId}-error`}>{error}</FieldError>
    </div>
  );
}

const CONTROL = "rounded border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700";

/** Labelled input with its error and hint tied by aria-describedby. */
export function Field({ name, label, error, hint, id, className, ...rest }: Props) {
  const frame = { id, name, label, required: rest.required, error, hint, className };
  return <Framed frame={frame} control={(a) => <input {...a} name={name} className={CONTROL} {...rest} />} />;
}

/** The same for a multi-line text (a comment, the reasons of a refusal). */
export function TextAreaField({
  name,
  label,
  error,
  hint,
  id,
  className,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & Omit<Props, keyof InputHTMLAttributes<HTMLInputElement>> & { name: string }) {
  const frame = { id, name, label, required: rest.required, error, hint, className };
  return <Framed frame={frame} control={(a) => <textarea {...a} name={name} className={`w-full ${CONTROL}`} {...rest} />} />;
}
