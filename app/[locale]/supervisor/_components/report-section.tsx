import type { ComponentProps, ReactNode } from "react";
import { ExportLink } from "@/components/dashboard/export-link";
import { Section } from "@/components/dashboard/section";

/**
 * A section of a supervisor page with its table's CSV export (`/api/supervisor/export/${table}`
 * with the page's filters as `query`, and any `extra` export) next to the heading.
 */
export function ReportSection({
  id,
  title,
  lead,
  table,
  query,
  extra,
  children,
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  table: string;
  query: ComponentProps<typeof ExportLink>["query"];
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Section
      id={id}
      title={title}
      lead={lead}
      actions={
        <>
          <ExportLink href={`/api/supervisor/export/${table}`} query={query} />
          {extra}
        </>
      }
    >
      {children}
    </Section>
  );
}
