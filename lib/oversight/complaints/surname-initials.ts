/** "Бекова Жанар Асанқызы" → "Бекова Ж. А." (surname and initials, as the ticket shows them). */
export function surnameAndInitials(u: { surname: string; givenName: string; patronymic?: string | null }): string {
  const initial = (s: string | null | undefined) => (s && s.trim() ? `${Array.from(s.trim())[0]!.toUpperCase()}.` : "");
  return [u.surname, [initial(u.givenName), initial(u.patronymic)].filter(Boolean).join(" ")].filter(Boolean).join(" ");
}
