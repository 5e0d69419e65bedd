import { TIME_ZONE, type Locale } from "./config";

const INTL_LOCALE: Record<Locale, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

/** 29.11.2026 14:05 style, always in Almaty time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: TIME_ZONE, dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: TIME_ZONE, dateStyle: "medium" }).format(date);
}

/**
 * "43 250 ₸" in every language: the ICU currency style prints "KZT" in ru and en ("43 250 KZT",
 * "KZT 43,250"), which messages then doubled ("43 250 KZT ₸"); the tenge sign is written once here.
 */
export function formatMoneyKzt(amount: number, locale: Locale): string {
  return `${new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 }).format(amount)}\u00a0₸`;
}
