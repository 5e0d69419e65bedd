import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/components/i18n/navigation";
import { Button } from "./button";

type Props = {
  /** Names the search landmark when a page has more than one. */
  label?: string;
  submitLabel: ReactNode;
  /** A link back to the unfiltered list. */
  reset?: { href: ComponentProps<typeof Link>["href"]; label: ReactNode };
  /** Layout of the fields; the default is a wrapping row in a white box. */
  className?: string;
  children: ReactNode;
};

/**
 * The filters of a list: a GET form (the filters live in the address, so a filtered list can be
 * bookmarked and works without JavaScript), its fields, an apply button and an optional reset link.
 */
export function FilterForm({ label, submitLabel, reset, className, children }: Props) {
  return (
    <form method="get" role="search" aria-label={label} className={className ?? "mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"}>
      {children}
      <div className="flex flex-wrap items-end gap-3">
        <Button type="submit">{submitLabel}</Button>
        {reset ? (
          <Link href={reset.href} className="px-2 py-2 font-semibold text-brand-700 underline underline-offset-4">
            {reset.label}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
