import type { ReactNode } from "react";
import { Button } from "./button";

const TONES = {
  danger: { box: "border-red-700 bg-red-50", text: "text-red-900", confirm: "danger" },
  warning: { box: "border-amber-700 bg-amber-50", text: "text-amber-900", confirm: "primary" },
} as const;

type Props = {
  /** Id of the question, which names the group. */
  id: string;
  tone: keyof typeof TONES;
  question: ReactNode;
  warning?: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
};

/** The explicit confirmation of a step that cannot be undone: the question, a warning, "Yes" and "Cancel". */
export function ConfirmStep({ id, tone, question, warning, confirmLabel, cancelLabel, onConfirm, onCancel, busy }: Props) {
  const s = TONES[tone];
  return (
    <div role="group" aria-labelledby={id} className={`flex flex-col gap-3 rounded border p-3 ${s.box}`}>
      <p id={id} className={`font-semibold ${s.text}`}>
        {question}
      </p>
      {warning ? <p className={s.text}>{warning}</p> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant={s.confirm} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
