import type { ReactNode } from "react";
import { Section } from "./section";

/** A white, bordered part of a long form or page, labelled by its own h2 (a named region). */
export function PanelSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <Section id={id} title={title} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      {children}
    </Section>
  );
}
