import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, CHECKS, getRegulations, STEP_ACTIONS, STEP_KEYS, STEP_OUTCOMES, SUSPENSION_REASONS } from "@/lib/law/regulations";
import { AUDIT_TYPES, COMMAND_TYPES, WORKFLOW_ERROR_CODES } from "@/lib/law/workflow";

const root = fileURLToPath(new URL("../../../", import.meta.url));
type Tree = { [k: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(`${root}messages/${locale}/workflow.json`, "utf8")) as Tree;
const flatten = (t: Tree, p = ""): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [[`${p}${k}`, v] as [string, string]] : flatten(v, `${p}${k}.`)));

const catalogues = { kk: new Map(flatten(load("kk"))), ru: new Map(flatten(load("ru"))), en: new Map(flatten(load("en"))) };
const engineSources = ["transition.ts", "step-flow.ts", "handlers/intake.ts", "handlers/office.ts", "handlers/signing.ts", "handlers/suspension.ts", "handlers/deadlines.ts"]
  .map((f) => readFileSync(`${root}lib/law/workflow/${f}`, "utf8"))
  .join("\n");

describe("messages/<locale>/workflow.json", () => {
  it("have identical key sets in kk, ru and en", () => {
    const keys = [...catalogues.en.keys()].sort();
    expect([...catalogues.kk.keys()].sort()).toEqual(keys);
    expect([...catalogues.ru.keys()].sort()).toEqual(keys);
  });

  it("have a text for every rejection code, status, step key and action, command, outcome, check, reason and audit type", () => {
    const needed = [
      ...WORKFLOW_ERROR_CODES.map((c) => c.replace(/^workflow\./, "")),
      ...APPLICATION_STATUSES.map((s) => `status.${s}`),
      ...STEP_KEYS.map((k) => `step.${k}`),
      ...STEP_ACTIONS.map((k) => `action.${k}`),
      ...COMMAND_TYPES.map((k) => `command.${k}`),
      ...STEP_OUTCOMES.map((k) => `outcome.${k}`),
      ...CHECKS.map((k) => `check.${k}`),
      ...SUSPENSION_REASONS.map((k) => `suspensionReason.${k}`),
      ...AUDIT_TYPES.map((t) => `audit.${t.replace(/^application\./, "")}`),
    ];
    for (const [locale, c] of Object.entries(catalogues)) {
      for (const key of needed) expect(c.get(key)?.trim(), `${locale}: ${key}`).toBeTruthy();
    }
  });

  it("have every notification key the engine emits, with the same placeholders in each language", () => {
    const keys = [...new Set([...engineSources.matchAll(/"workflow\.(notify\.[a-z_]+)"/g)].map((m) => m[1]!))];
    expect(keys.length).toBeGreaterThan(8);
    for (const key of keys) {
      const placeholders = (t: string | undefined) => [...(t ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(catalogues.en.get(key), key).toBeTruthy();
      expect(placeholders(catalogues.kk.get(key)), key).toEqual(placeholders(catalogues.en.get(key)));
      expect(placeholders(catalogues.ru.get(key)), key).toEqual(placeholders(catalogues.en.get(key)));
    }
  });

  it("name every extra refusal ground the regulations add to the standards' lists", () => {
    const extra = new Set(getRegulations().flatMap((r) => Object.values(r.variants).map((v) => v?.completenessRefusalGround).filter((g): g is string => !!g)));
    for (const g of extra) for (const c of Object.values(catalogues)) expect(c.get(`ground.${g}`), g).toBeTruthy();
  });
});
