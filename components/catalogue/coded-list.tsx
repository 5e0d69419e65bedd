import type { Locale } from "@/lib/platform/i18n";

type Item = { code: string; label: Record<Locale, string> };

/** Entries of the catalogue (qualification requirements, refusal grounds, licence sub-types) as a list in the reader's language. */
export function CodedList({ items, locale, ordered = false }: { items: readonly Item[]; locale: Locale; ordered?: boolean }) {
  const entries = items.map((i) => <li key={i.code}>{i.label[locale]}</li>);
  return ordered ? <ol className="list-inside list-decimal space-y-1">{entries}</ol> : <ul className="list-inside list-disc">{entries}</ul>;
}
