import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/components/i18n/navigation";

export type Pill = {
  key: string;
  href: ComponentProps<typeof Link>["href"];
  label: ReactNode;
  current?: boolean;
  /** A count after the label (e.g. a queue's size), with a test hook. */
  count?: { value: number; testId?: string };
};

const SIZE = {
  sm: { gap: "gap-2", pill: "px-3 py-1 text-sm", on: "border-brand-700 bg-brand-700 text-white", off: "border-slate-300 bg-white text-slate-800 hover:bg-slate-100" },
  md: { gap: "gap-2", pill: "px-4 py-1.5 font-medium", on: "border-brand-700 bg-brand-700 text-white", off: "border-slate-400 bg-white text-slate-900 hover:bg-slate-100" },
} as const;

/**
 * A labelled row of pill links that switch one view of a list (a queue, a status filter, a breakdown
 * dimension); the current pill has `aria-current="page"`. `after` adds a last item (e.g. "clear").
 */
export function PillNav({ label, pills, size = "sm", after, className }: { label: string; pills: readonly Pill[]; size?: keyof typeof SIZE; after?: ReactNode; className?: string }) {
  const s = SIZE[size];
  return (
    <nav aria-label={label} className={className}>
      <ul className={`flex flex-wrap ${s.gap}`}>
        {pills.map((p) => (
          <li key={p.key}>
            <Link href={p.href} aria-current={p.current ? "page" : undefined} className={`inline-block rounded-full border ${s.pill} ${p.current ? s.on : s.off}`}>
              {p.label}
              {p.count ? (
                <>
                  {" "}
                  <span className={`ml-1 inline-block rounded-full px-2 text-sm tabular-nums ${p.current ? "bg-white text-brand-800" : "bg-slate-200 text-slate-900"}`} data-testid={p.count.testId}>
                    {p.count.value}
                  </span>
                </>
              ) : null}
            </Link>
          </li>
        ))}
        {after ? <li>{after}</li> : null}
      </ul>
    </nav>
  );
}
