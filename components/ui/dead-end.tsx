import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/components/i18n/navigation";

type Props = {
  title: ReactNode;
  lead: ReactNode;
  /** Where to go on from here (the catalogue, the search). */
  way: { href: ComponentProps<typeof Link>["href"]; label: ReactNode };
};

/** A page that has nothing to show (not found): say so plainly, centred, and offer one way on. */
export function DeadEnd({ title, lead, way }: Props) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-slate-700">{lead}</p>
      <Link href={way.href} className="mt-6 inline-block font-semibold text-brand-700 underline">
        {way.label}
      </Link>
    </div>
  );
}
