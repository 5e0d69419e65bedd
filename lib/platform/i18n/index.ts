export { LOCALES, DEFAULT_LOCALE, TIME_ZONE, isLocale, pick, type Locale } from "./config";
export { loadMessages, flattenKeys, type Messages } from "./load-messages";
export { formatDateTime, formatDate, formatMoneyKzt, intlLocale } from "./format";
export { almatyDate, almatyDayStart, almatyMidnight, almatyOffsetMs, almatyYear, addDays, addMonths } from "./almaty-time";
