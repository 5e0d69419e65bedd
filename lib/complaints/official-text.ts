/**
 * The Complaint table has no column for "the name or position of the official whose actions are
 * appealed" yet (see README: the lead adds `officialName`). Until then it is kept as the first line
 * of `body` behind this marker, written and read only here; the migration SQL in the README moves it.
 */
const MARKER = "§official: ";

export function composeBody(official: string | undefined, reasons: string): string {
  const o = official?.replace(/[\r\n]+/g, " ").trim();
  return o ? `${MARKER}${o}\n\n${reasons}` : reasons;
}

export function parseBody(body: string): { official: string | null; reasons: string } {
  if (!body.startsWith(MARKER)) return { official: null, reasons: body };
  const nl = body.indexOf("\n");
  const official = (nl < 0 ? body.slice(MARKER.length) : body.slice(MARKER.length, nl)).trim();
  const reasons = nl < 0 ? "" : body.slice(nl).replace(/^\n+/, "");
  return { official: official || null, reasons };
}

/** "Бекова Жанар Асанқызы" → "Бекова Ж. А." (surname and initials, as the ticket shows them). */
export function surnameAndInitials(u: { surname: string; givenName: string; patronymic?: string | null }): string {
  const initial = (s: string | null | undefined) => (s && s.trim() ? `${Array.from(s.trim())[0]!.toUpperCase()}.` : "");
  return [u.surname, [initial(u.givenName), initial(u.patronymic)].filter(Boolean).join(" ")].filter(Boolean).join(" ");
}
