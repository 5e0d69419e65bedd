import type { ReactNode } from "react";

/** A titled block of a dashboard page; `actions` (exports) sit next to the heading. */
export function Section({ id, title, lead, actions, children }: { id: string; title: ReactNode; lead?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-8">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={`${id}-title`} className="text-xl font-bold text-slate-900">
            {title}
          </h2>
          {lead ? <p className="mt-1 text-sm text-slate-700">{lead}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function TableWrap({ children }: { children: ReactNode }) {
  return <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">{children}</div>;
}

export const TH = "p-3 text-left font-semibold";
export const TD = "p-3 align-top";
export const NUM = "p-3 text-right tabular-nums align-top";
