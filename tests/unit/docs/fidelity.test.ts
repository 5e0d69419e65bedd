import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueRows, FIDELITY_FILE, indicatorRows, regulationRows, renderFidelity, resolveField, RULES } from "./fidelity-table";

const ROOT = path.resolve(__dirname, "../../..");
const all = () => [...RULES, ...regulationRows(), ...catalogueRows(), ...indicatorRows()];

describe("docs/fidelity.md traceability table", () => {
  it("is exactly what the data generates (no drift)", () => {
    const expected = renderFidelity();
    if (process.env.UPDATE_FIDELITY === "1") writeFileSync(FIDELITY_FILE, expected);
    expect(existsSync(FIDELITY_FILE)).toBe(true);
    expect(readFileSync(FIDELITY_FILE, "utf8")).toBe(expected);
  });

  it("every row's data field resolves in its file", () => {
    const cache = new Map<string, unknown>();
    for (const r of all()) {
      if (!cache.has(r.file)) cache.set(r.file, JSON.parse(readFileSync(path.join(ROOT, r.file), "utf8")));
      expect(resolveField(cache.get(r.file), r.field), `${r.file} ${r.field}`).not.toBeUndefined();
    }
  });

  it("every row's test exists and names the test", () => {
    const cache = new Map<string, string>();
    for (const r of all()) {
      if (!cache.has(r.test)) cache.set(r.test, readFileSync(path.join(ROOT, r.test), "utf8"));
      expect(cache.get(r.test)!.includes(r.testName), `${r.test} › ${r.testName}`).toBe(true);
    }
  });

  it("covers every step of every regulation version and every refusal ground of the catalogue", () => {
    const rows = regulationRows();
    expect(rows.filter((r) => / #\d+ /.test(r.rule)).length).toBeGreaterThan(200);
    expect(catalogueRows().filter((r) => r.rule.includes("refusal ground")).length).toBeGreaterThan(40);
    expect(indicatorRows().map((r) => r.rule.slice(10, 13))).toEqual(["1.1", "2.1", "3.1", "3.2", "4.1", "5.1"]);
  });
});
