"use client";

import { useEffect, useRef } from "react";

export type ErrorSummaryItem = { href: string; text: string };

/**
 * The GOV.UK error summary: a titled box at the top of a form listing each problem as a link to its
 * field. It takes focus when it appears (after a submit) so screen readers announce it; `focusOnShow`
 * false keeps focus where it is (autosave while typing).
 */
export function ErrorSummary({ title, items, focusOnShow = true, testId }: { title: string; items: readonly ErrorSummaryItem[]; focusOnShow?: boolean; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = items.map((i) => i.href).join("|");
  useEffect(() => {
    if (focusOnShow && items.length) ref.current?.focus();
  }, [key, focusOnShow, items.length]);
  if (!items.length) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" data-testid={testId ?? "error-summary"} className="rounded border-4 border-red-700 bg-white p-4 focus:outline-3 focus:outline-offset-2 focus:outline-amber-400">
      <h2 id="error-summary-title" className="text-lg font-bold text-red-900">
        {title}
      </h2>
      <ul className="mt-2 flex flex-col gap-1">
        {items.map((i) => (
          <li key={i.href}>
            <a
              href={i.href}
              className="font-semibold text-red-800 underline"
              onClick={(e) => {
                // Move focus to the field itself, not just scroll (GOV.UK behaviour).
                const el = document.getElementById(i.href.slice(1));
                if (!el) return;
                e.preventDefault();
                el.scrollIntoView({ block: "center" });
                const focusable = el.matches("input,select,textarea") ? el : el.querySelector<HTMLElement>("input,select,textarea");
                focusable?.focus();
              }}
            >
              {i.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
