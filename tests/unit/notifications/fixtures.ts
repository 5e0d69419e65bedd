import path from "node:path";
import { loadMessages, LOCALES, type Locale, type Messages } from "@/lib/platform/i18n";
import { NOTIFICATION_KINDS, type NotificationKind, type ParamSpec } from "@/lib/integration/notifications";

export const root = path.resolve(__dirname, "../../..");
export const messagesOf = (l: Locale): Messages => loadMessages(l, root);
export { LOCALES };

/** 2026-11-30 19:30 UTC is already 1 December (00:30) in Almaty: a date that proves the time zone. */
export const LATE_EVENING_UTC = "2026-11-30T19:30:00.000Z";

function sampleOf(name: string, spec: ParamSpec): unknown {
  if (Array.isArray(spec)) return spec[0];
  switch (spec) {
    case "instant":
      return LATE_EVENING_UTC;
    case "money":
      return 43250;
    case "service":
      return "scrap-metal-licence";
    case "step":
      return "review";
    case "id":
      return `${name}-0001`;
    default:
      return `${name.toUpperCase()}-7`;
  }
}

/** One params object per value of each enum parameter (every ICU select branch), else one. */
export function sampleParams(kind: NotificationKind): Record<string, unknown>[] {
  const specs = NOTIFICATION_KINDS[kind].params as Record<string, ParamSpec>;
  const base = Object.fromEntries(Object.entries(specs).map(([n, s]) => [n, sampleOf(n, s)]));
  const variants: Record<string, unknown>[] = [base];
  for (const [n, s] of Object.entries(specs)) {
    if (Array.isArray(s)) for (const v of s.slice(1)) variants.push({ ...base, [n]: v });
  }
  return variants;
}
