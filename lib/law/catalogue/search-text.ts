/**
 * Text folding for catalogue search. Case-insensitive in kk/ru/en; Kazakh letters
 * (ә ғ қ ң ө ұ ү һ і) stay distinct so a query typed with them matches exactly.
 */

const KAZAKH_LETTERS = /[әғқңөұүһі]/;

// Legal texts often carry a Latin "i" inside Kazakh words (old fonts): treat it as Cyrillic "і".
// Russian "ё" is usually written "е".
const CHAR_FOLD: Record<string, string> = { i: "і", ё: "е" };

// Kazakh-specific letters typed on a Russian layout: used only when the query has none of them.
const KAZAKH_TO_RUSSIAN: Record<string, string> = { ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и" };

export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("kk-KZ")
    .replace(/[iё]/g, (c) => CHAR_FOLD[c] ?? c)
    .replace(/[«»"“”„'’`()[\]{},.;:!?/\\–—-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function foldKazakh(normalized: string): string {
  return normalized.replace(/[әғқңөұүһі]/g, (c) => KAZAKH_TO_RUSSIAN[c] ?? c);
}

export type TSearchIndex = { exact: string; folded: string };

export function buildSearchIndex(texts: readonly string[]): TSearchIndex {
  const exact = normalizeSearchText(texts.join(" \u0001 "));
  return { exact, folded: foldKazakh(exact) };
}

/** Every query word must occur in the indexed text. */
export function matchesQuery(index: TSearchIndex, query: string): boolean {
  const words = normalizeSearchText(query).split(" ").filter(Boolean);
  return words.every((w) => (KAZAKH_LETTERS.test(w) ? index.exact.includes(w) : index.folded.includes(foldKazakh(w))));
}
