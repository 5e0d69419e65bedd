import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { routerStateProblem } from "@/lib/platform/http/router-state";

// Issue 13 F3: a malformed Next-Router-State-Tree on an RSC request threw inside Next (500);
// proxy.ts refuses it with 400 by this check, which must agree with Next's own.
const nextAccepts = (h: string) => {
  try {
    parseAndValidateFlightRouterState(h);
    return true;
  } catch {
    return false;
  }
};

const GOOD = [
  ["", { children: ["__PAGE__", {}] }],
  ["", { children: [["locale", "ru", "d", null], { children: ["applicant", { children: ["__PAGE__", {}, null, null] }] }] }, null, null, 1],
  ["", {}, ["/ru", "/ru"], "refetch", null, "x"],
  // Next's schema takes an array where the children record goes (superstruct's record accepts any object).
  ["", []],
].map((t) => encodeURIComponent(JSON.stringify(t)));
const BAD = ["%E0%A4%A", "{", "null", "[]", '[""]', '[1,{}]', '["",{},null,"nope"]', '["",{"a":1}]', '[["a","b","zz",null],{}]', '["",{},null,null,null,"x",7]', "x".repeat(40_001)];

describe("routerStateProblem (the Next-Router-State-Tree header)", () => {
  it("agrees with Next on the client's trees and on malformed ones", () => {
    for (const h of GOOD) expect([routerStateProblem(h), nextAccepts(h)], h).toEqual([null, true]);
    for (const h of BAD) expect([routerStateProblem(h) !== null, nextAccepts(h)], h.slice(0, 40)).toEqual([true, false]);
  });

  it("agrees with Next on generated trees", () => {
    const seg = fc.oneof(fc.string({ maxLength: 4 }), fc.tuple(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), fc.constantFrom("c", "d", "oc", "x"), fc.constantFrom(null, [], ["a"], [1])));
    const tree = (depth: number): fc.Arbitrary<unknown> => {
      const children = depth === 0 ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 3 }), tree(depth - 1), { maxKeys: 2 });
      return fc.oneof(
        fc.tuple(seg, children),
        fc.tuple(seg, children, fc.constantFrom(null, undefined, ["a", "b"], ["a"]), fc.constantFrom(null, undefined, "refetch", "x"), fc.constantFrom(null, undefined, 3, "3")),
        fc.anything({ maxDepth: 2 }),
      );
    };
    fc.assert(
      fc.property(tree(3), (t) => {
        const h = encodeURIComponent(JSON.stringify(t) ?? "");
        expect(routerStateProblem(h) === null).toBe(nextAccepts(h));
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});

describe("routerStateRefusal (proxy.ts)", () => {
  it("400 for an RSC request with a malformed tree; nothing without RSC: 1 or with a good tree", async () => {
    const { routerStateRefusal } = await import("@/app/_server/router-state-refusal");
    const req = (headers: Record<string, string>) => new Request("http://portal.test/ru", { headers });
    expect(routerStateRefusal(req({ rsc: "1", "next-router-state-tree": "%E0%A4%A" }))?.status).toBe(400);
    expect(routerStateRefusal(req({ "next-router-state-tree": "%E0%A4%A" }))).toBeNull();
    expect(routerStateRefusal(req({ rsc: "1", "next-router-state-tree": GOOD[0]! }))).toBeNull();
    expect(routerStateRefusal(req({ rsc: "1" }))).toBeNull();
  });
});
