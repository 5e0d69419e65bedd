import type { ReactNode } from "react";
import { Section } from "./section";

/** A white card labelled by its h2: the usual block of a detail page. */
export function Panel({ id, title, className, children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <Section id={id} title={title} className={`flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 ${className ?? ""}`}>
      {children}
    </Section>
  );
}
