import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PKI_ERROR_CODES, VERIFICATION_STATUSES } from "@/lib/trust/pki";

const root = fileURLToPath(new URL("../../../", import.meta.url));
type Tree = { [k: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(`${root}messages/${locale}/pki.json`, "utf8")) as Tree;
const flatten = (t: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === "string" ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );

const catalogues = { kk: flatten(load("kk")), ru: flatten(load("ru")), en: flatten(load("en")) };
const LEAD = {
  kk: "Алушының ЭЦҚ түпнұсқалығы расталмауына байланысты сұратылып отырған мемлекеттік қызметтен бас тарту",
  ru: "Отказ в запрашиваемой услуге в связи с неподтверждением подлинности ЭЦП услугополучателя",
  en: "Requested service refused: recipient’s EDS authenticity not confirmed",
};

describe("messages/<locale>/pki.json", () => {
  it("have the same keys in kk, ru and en", () => {
    const keys = Object.keys(catalogues.en).sort();
    expect(Object.keys(catalogues.kk).sort()).toEqual(keys);
    expect(Object.keys(catalogues.ru).sort()).toEqual(keys);
  });

  it("have a text for every status and every error code", () => {
    const needed = [
      ...VERIFICATION_STATUSES.flatMap((s) => [`status.${s}`, `detail.${s}`]),
      ...PKI_ERROR_CODES.map((c) => c.replace(/^pki\./, "")),
    ];
    for (const catalogue of Object.values(catalogues)) {
      for (const key of needed) expect(catalogue[key]?.trim(), key).toBeTruthy();
    }
  });

  it("lead every failure status with the regulation's refusal sentence", () => {
    for (const [locale, catalogue] of Object.entries(catalogues) as [keyof typeof LEAD, Record<string, string>][]) {
      for (const s of VERIFICATION_STATUSES) {
        if (s === "valid") expect(catalogue[`status.${s}`]!.startsWith(LEAD[locale])).toBe(false);
        else expect(catalogue[`status.${s}`]!.startsWith(LEAD[locale]), `${locale} ${s}`).toBe(true);
      }
    }
  });

  it("list every code thrown in lib/trust/pki", () => {
    const dir = join(root, "lib/trust/pki");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const used = new Set(
      files.flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/"(pki\.[a-z_]+)"/g)].map((m) => m[1]!)),
    );
    expect([...used].filter((c) => !(PKI_ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
