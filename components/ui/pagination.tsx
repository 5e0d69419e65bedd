import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/components/i18n/navigation";

type PageLink = { href: ComponentProps<typeof Link>["href"]; label: ReactNode };

type Props = {
  /** Names the navigation landmark (e.g. "Pages"). */
  label: string;
  previous?: PageLink | null;
  next?: PageLink | null;
  /** Where the reader is, e.g. "Page 2 of 5". */
  status?: ReactNode;
};

/** Previous / "page n of m" / next as plain links (works without JavaScript); an absent side is left out. */
export function Pagination({ label, previous, next, status }: Props) {
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-6">
      {previous ? (
        <Link href={previous.href} className="font-semibold text-brand-700 underline">
          {previous.label}
        </Link>
      ) : null}
      {status ? <span>{status}</span> : null}
      {next ? (
        <Link href={next.href} className="font-semibold text-brand-700 underline">
          {next.label}
        </Link>
      ) : null}
    </nav>
  );
}
