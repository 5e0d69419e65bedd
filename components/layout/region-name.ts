/** A region slug ("astana") in words; unknown slugs are shown as given (admins created them). */
export function regionName(t: { (key: never): string; has: (key: never) => boolean }, region: string | null | undefined): string {
  if (!region) return "—";
  const key = `common.regions.${region}` as never;
  return t.has(key) ? t(key) : region;
}
