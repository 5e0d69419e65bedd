export const LOCALES = ["kk", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** Kazakh is the state language; the URL always carries the locale. */
export const DEFAULT_LOCALE: Locale = "kk";
/** Every date and time is shown in Almaty time (UTC+5); instants are stored in UTC. */
export const TIME_ZONE = "Asia/Almaty";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Picks the kk/ru/en variant of a localised value. */
export function pick<T>(value: { kk: T; ru: T; en: T }, locale: Locale): T {
  return value[locale];
}
