import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LICENCE_ERROR_CODES, LICENCE_STATUSES, LICENCE_TRANSITIONS, availableLicenceActions, canTransition, nextLicenceStatus } from "@/lib/cases/licences";

describe("licence status transitions", () => {
  it("follow the table: ACTIVE⇄SUSPENDED, ACTIVE|SUSPENDED→TERMINATED, ACTIVE→SUPERSEDED only by re-issue", () => {
    const allowed = Object.entries(LICENCE_TRANSITIONS).flatMap(([action, t]) => t.from.map((from) => `${action}:${from}->${t.to}`));
    expect(allowed.sort()).toEqual(["resume:SUSPENDED->ACTIVE", "supersede:ACTIVE->SUPERSEDED", "suspend:ACTIVE->SUSPENDED", "terminate:ACTIVE->TERMINATED", "terminate:SUSPENDED->TERMINATED"]);
  });

  it("refuse everything else with licences.transition_not_allowed", () => {
    for (const action of Object.keys(LICENCE_TRANSITIONS) as (keyof typeof LICENCE_TRANSITIONS)[]) {
      for (const from of LICENCE_STATUSES) {
        if (canTransition(action, from)) expect(nextLicenceStatus(action, from)).toBe(LICENCE_TRANSITIONS[action].to);
        else expect(() => nextLicenceStatus(action, from)).toThrow("licences.transition_not_allowed");
      }
    }
  });

  it("make TERMINATED and SUPERSEDED final and never offer supersede by hand", () => {
    expect(availableLicenceActions("ACTIVE")).toEqual(["suspend", "terminate"]);
    expect(availableLicenceActions("SUSPENDED")).toEqual(["resume", "terminate"]);
    expect(availableLicenceActions("TERMINATED")).toEqual([]);
    expect(availableLicenceActions("SUPERSEDED")).toEqual([]);
  });
});

describe("messages/{kk,ru,en}/licences.json", () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const load = (l: string) => JSON.parse(readFileSync(`${root}messages/${l}/licences.json`, "utf8")) as Record<string, unknown>;
  const flat = (o: unknown, p = ""): string[] =>
    o && typeof o === "object" ? Object.entries(o).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k)) : [p];

  it("have the same keys in the three languages and a text for every error code and status", () => {
    const [kk, ru, en] = ["kk", "ru", "en"].map(load);
    expect(flat(kk).sort()).toEqual(flat(en).sort());
    expect(flat(ru).sort()).toEqual(flat(en).sort());
    for (const cat of [kk, ru, en]) {
      for (const code of LICENCE_ERROR_CODES) expect(typeof cat![code.replace(/^licences\./, "")], code).toBe("string");
      for (const s of LICENCE_STATUSES) expect(typeof (cat!.status as Record<string, unknown>)[s], s).toBe("string");
    }
  });
});
