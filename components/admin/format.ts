// Display helpers shared by the admin pages and their client components (no data access, no lib imports
// that would pull server code into the browser bundle).

const INTL: Record<string, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };

import { localizedName, type NamedInKkRuEn } from "@/components/i18n/localized-name";

/** The organisation's name in the reader's language. */
export function orgName(o: NamedInKkRuEn | null | undefined, locale: string): string {
  return o ? localizedName(o, locale) : "—";
}

/** A calendar date (YYYY-MM-DD) with its weekday, in the reader's language; no time-zone shift. */
export function formatIsoDay(iso: string, locale: string, withWeekday = true): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL[locale] ?? locale, { timeZone: "UTC", ...(withWeekday ? { weekday: "short" } : {}), day: "numeric", month: "long", year: "numeric" }).format(d);
}

export function fullName(u: { surname: string; givenName: string; patronymic?: string | null }): string {
  return [u.surname, u.givenName, u.patronymic].filter(Boolean).join(" ");
}

/** Translates a field message that is an i18n key; anything else (a validator's own text) is shown as is. */
export function messageOrText(t: { has: (key: string) => boolean; (key: string): string }, message: string): string {
  return message.includes(".") && !message.includes(" ") && t.has(message) ? t(message) : message;
}
