import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flattenKeys, loadMessages, LOCALES } from "@/lib/platform/i18n";

const root = path.resolve(__dirname, "../../..");

describe("message catalogues", () => {
  it("have the same namespaces in kk, ru and en", () => {
    const files = LOCALES.map((l) => readdirSync(path.join(root, "messages", l)).sort());
    expect(files[1]).toEqual(files[0]);
    expect(files[2]).toEqual(files[0]);
  });

  it("have exactly the same keys in kk, ru and en", () => {
    const [kk, ru, en] = LOCALES.map((l) => new Set(flattenKeys(loadMessages(l, root))));
    const diff = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k));
    expect({ missingInRu: diff(kk!, ru!), missingInEn: diff(kk!, en!), missingInKk: diff(en!, kk!) }).toEqual({ missingInRu: [], missingInEn: [], missingInKk: [] });
  });

  it("have no empty texts", () => {
    for (const l of LOCALES) {
      const msgs = loadMessages(l, root);
      const empty = flattenKeys(msgs).filter((k) => {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], msgs);
        return typeof v !== "string" || v.trim() === "";
      });
      expect(empty, l).toEqual([]);
    }
  });
});
