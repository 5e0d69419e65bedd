import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/components/i18n/navigation";
import type { TableColumn } from "./table";

type RowLink = { href: ComponentProps<typeof Link>["href"]; text: ReactNode };

/**
 * The column that names a row and opens it: a row header (`<th scope="row">`) holding a link to the
 * row's own page. Numbers (registration, ticket) are set in monospace unless `mono` is false.
 */
export function linkColumn<T>({
  key,
  header,
  link,
  mono = true,
}: {
  key: string;
  header: ReactNode;
  link: (row: T) => RowLink;
  mono?: boolean;
}): TableColumn<T> {
  return {
    key,
    header,
    rowHeader: true,
    cell: (row) => {
      const { href, text } = link(row);
      return (
        <Link href={href} className={`${mono ? "font-mono font-semibold" : ""} text-brand-700 underline underline-offset-4`}>
          {text}
        </Link>
      );
    },
  };
}
