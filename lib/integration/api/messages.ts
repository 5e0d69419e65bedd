import { loadMessages } from "@/lib/platform/i18n";

/** Said when a code has no English text (a code added without its message): never empty. */
const FALLBACK_KEY = "api.request_failed";

function lookup(key: string): string | undefined {
  const v = key.split(".").reduce<unknown>((o, p) => (o && typeof o === "object" ? (o as Record<string, unknown>)[p] : undefined), loadMessages("en"));
  return typeof v === "string" ? v : undefined;
}

/**
 * The English text of a message key (the API speaks English to developers; users see the portal's
 * own translations). Simple `{name}` placeholders are filled from `values`; others are left as is.
 */
export function englishMessage(code: string, values: Record<string, unknown> = {}): string {
  const template = lookup(code) ?? lookup(FALLBACK_KEY) ?? "The request could not be processed.";
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = values[name];
    return typeof v === "string" || typeof v === "number" ? String(v) : m;
  });
}
