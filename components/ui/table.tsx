import type { ReactNode } from "react";

/** How a column header sorts: a link to the same page sorted by it, and its current direction. */
export type TableSort = { href: string; direction?: "ascending" | "descending"; label?: string };

export type TableColumn<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** The cell that names the row (a `<th scope="row">` for screen readers). */
  rowHeader?: boolean;
  /** Right-aligned, tabular figures (counts, money, durations). */
  numeric?: boolean;
  className?: string;
  sort?: TableSort;
};

type Props<T> = {
  /** Read by screen readers; shown when `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Said instead of an empty table. */
  empty?: ReactNode;
  /** Extra classes for a row (e.g. an overdue row). */
  rowClassName?: (row: T) => string | undefined;
  /** `data-*` attributes of a row (hooks for scripts and browser tests, e.g. `{ "data-serial": … }`). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  /** A key/value sheet: rows only, each named by its row header; no column header row. */
  hideHeader?: boolean;
  /** Narrow screens scroll the table, never the page. */
  className?: string;
};

const cellBase = "p-3 align-top";

function HeaderCell({ column }: { column: TableColumn<unknown> }) {
  const align = column.numeric ? "text-right" : "text-left";
  if (!column.sort) {
    return (
      <th scope="col" className={`${cellBase} ${align} font-semibold ${column.className ?? ""}`}>
        {column.header}
      </th>
    );
  }
  const arrow = column.sort.direction === "ascending" ? "▲" : column.sort.direction === "descending" ? "▼" : "";
  return (
    <th scope="col" aria-sort={column.sort.direction ?? "none"} className={`${cellBase} ${align} font-semibold ${column.className ?? ""}`}>
      <a href={column.sort.href} className="inline-flex items-center gap-1 text-brand-700 underline underline-offset-4" aria-label={column.sort.label}>
        {column.header}
        {arrow ? <span aria-hidden="true">{arrow}</span> : null}
      </a>
    </th>
  );
}

/**
 * The one data table of the portal: a caption, column headers with `scope`, an optional row header
 * and sortable headers (`aria-sort`, links so it works without JavaScript), horizontal scrolling
 * inside its own box on narrow screens, and an empty state instead of an empty grid.
 */
export function DataTable<T>({ caption, showCaption = false, columns, rows, rowKey, empty, rowClassName, rowData, hideHeader = false, className }: Props<T>) {
  if (rows.length === 0 && empty !== undefined) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{empty}</p>;
  }
  return (
    <div className={`max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white ${className ?? ""}`}>
      <table className="w-full text-left text-sm">
        <caption className={showCaption ? "p-3 text-left font-semibold" : "sr-only"}>{caption}</caption>
        {hideHeader ? null : (
          <thead className="bg-slate-100">
            <tr>
              {columns.map((c) => (
                <HeaderCell key={c.key} column={c as TableColumn<unknown>} />
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} {...rowData?.(row)} className={`border-t border-slate-200 ${rowClassName?.(row) ?? ""}`}>
              {columns.map((c) => {
                const cls = `${cellBase} ${c.numeric ? "text-right tabular-nums" : ""} ${c.className ?? ""}`;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={`${cls} font-normal`}>
                    {c.cell(row, i)}
                  </th>
                ) : (
                  <td key={c.key} className={cls}>
                    {c.cell(row, i)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
