import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: ReactNode;
  /** Already translated error text. */
  error?: string;
  hint?: ReactNode;
};

type Frame = { inputId: string; label: ReactNode; required?: boolean; error?: string; hint?: ReactNode; className?: string };

/** Label, hint and error around one control; the control gets the ids to describe itself with. */
function Framed({
  inputId,
  label,
  required,
  error,
  hint,
  className,
  control,
}: Frame & { control: (a: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={inputId} className="font-medium">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {control({ "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined })}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const CONTROL = "rounded border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700";

/** Labelled input with its error and hint tied by aria-describedby. */
export function Field({ name, label, error, hint, id, className, ...rest }: Props) {
  const inputId = id ?? `f-${name}`;
  return (
    <Framed
      inputId={inputId}
      label={label}
      required={rest.required}
      error={error}
      hint={hint}
      className={className}
      control={(aria) => <input id={inputId} name={name} {...aria} className={CONTROL} {...rest} />}
    />
  );
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
  const inputId = id ?? `f-${name}`;
  return (
    <Framed
      inputId={inputId}
      label={label}
      required={rest.required}
      error={error}
      hint={hint}
      className={className}
      control={(aria) => <textarea id={inputId} name={name} {...aria} className={`w-full ${CONTROL}`} {...rest} />}
    />
  );
}
