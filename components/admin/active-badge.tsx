import type { ReactNode } from "react";

/** "Active" / "Deactivated" under the title of an account or an organisation (the text says it, not only the colour). */
export function ActiveBadge({ active, children }: { active: boolean; children: ReactNode }) {
  return (
    <p className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${active ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>
      {children}
    </p>
  );
}
