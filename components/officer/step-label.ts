/** The officer's name of a step key (`officer.steps.<key>`), the key itself for an unknown one. */
export function stepLabel(t: { has: (key: never) => boolean; (key: never): string }, key: string | null): string {
  if (!key) return "—";
  const k = `steps.${key}` as never;
  return t.has(k) ? t(k) : key;
}
