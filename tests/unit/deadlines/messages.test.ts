import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEADLINE_ERROR_CODES, DEADLINE_STATUSES } from "@/lib/law/deadlines";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const load = (locale: string) =>
  JSON.parse(readFileSync(`${root}messages/${locale}/deadlines.json`, "utf8")) as Record<string, string>;

describe("messages/<locale>/deadlines.json", () => {
  const catalogues = { kk: load("kk"), ru: load("ru"), en: load("en") };

  it("have the same keys in kk, ru and en", () => {
    const keys = Object.keys(catalogues.en).sort();
    expect(Object.keys(catalogues.kk).sort()).toEqual(keys);
    expect(Object.keys(catalogues.ru).sort()).toEqual(keys);
  });

  it("have a non-empty text for every error code and status", () => {
    const needed = [...DEADLINE_ERROR_CODES.map((c) => c.replace(/^deadlines\./, "")), ...DEADLINE_STATUSES];
    for (const catalogue of Object.values(catalogues)) {
      for (const key of needed) expect(catalogue[key]?.trim()).toBeTruthy();
    }
  });
});
