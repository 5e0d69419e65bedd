import type { ReactNode } from "react";

/** A titled section of the application page (landmark with its heading as the name). */
export function Section({ id, title, children, className }: { id: string; title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`sec-${id}`} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className ?? ""}`}>
      <h2 id={`sec-${id}`} className="mb-3 text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Definition list rows, two columns from the small breakpoint up. */
export function Facts({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map(([k, v], i) => (
        <div key={i} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
