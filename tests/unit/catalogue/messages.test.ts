import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHANNELS, FORM_MESSAGES, formDefinition, getCatalogue, RECIPIENTS, SERVICE_KINDS, TERM_UNITS, VARIANTS } from "@/lib/law/catalogue";
import { loadMessages, LOCALES } from "@/lib/platform/i18n";

const root = path.resolve(__dirname, "../../..");
const resolve = (msgs: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], msgs);

describe("catalogue message keys", () => {
  const keys = new Set<string>([
    ...Object.values(FORM_MESSAGES),
    ...SERVICE_KINDS.map((k) => `catalogue.kind.${k}`),
    ...VARIANTS.map((k) => `catalogue.variant.${k}`),
    ...RECIPIENTS.map((k) => `catalogue.recipient.${k}`),
    ...TERM_UNITS.map((k) => `catalogue.unit.${k}`),
    ...CHANNELS.map((k) => `catalogue.channel.${k}`),
    "catalogue.unknown_service",
    "catalogue.variant_not_offered",
    "catalogue.channel_not_offered",
    "catalogue.mci_unknown_period",
  ]);
  for (const s of getCatalogue().services) {
    for (const v of s.variants) {
      for (const f of formDefinition(s, v.code)) if (typeof f.label === "string") keys.add(f.label);
    }
  }

  it.each(LOCALES)("resolve to texts in %s", (locale) => {
    const msgs = loadMessages(locale, root);
    const missing = [...keys].filter((k) => typeof resolve(msgs, k) !== "string");
    expect(missing).toEqual([]);
  });
});
