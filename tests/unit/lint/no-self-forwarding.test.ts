import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// A function whose whole body calls itself with the same name never returns: it is what a
// mechanical "use the shared helper" rewrite leaves behind when the local name equals the
// shared one (it happened to almatyDate, almatyYear and orNotFound).
const FUNCTION = /function\s+(\w+)\s*(?:<[^>]*>)?\s*\([^)]*\)[^{]*\{\s*return\s+(?:await\s+)?(\w+)\s*\(/g;
const ARROW = /const\s+(\w+)\s*=\s*(?:async\s*)?\([^)]*\)\s*(?::[^=]+)?=>\s*(?:await\s+)?(\w+)\s*\(/g;

function selfForwarding(source: string): string[] {
  const found: string[] = [];
  for (const re of [FUNCTION, ARROW]) {
    for (const m of source.matchAll(re)) if (m[1] === m[2]) found.push(m[1]!);
  }
  return found;
}

describe("no function only calls itself", () => {
  it("recognises the broken shape and leaves real recursion alone", () => {
    expect(selfForwarding("export function almatyYear(at: Date): number {\n  return almatyYear(at);\n}")).toEqual(["almatyYear"]);
    expect(selfForwarding("export async function orNotFound<T>(p: Promise<T>): Promise<T> {\n  return await orNotFound(p);\n}")).toEqual(["orNotFound"]);
    expect(selfForwarding("function fact(n: number): number {\n  if (n < 2) return 1;\n  return n * fact(n - 1);\n}")).toEqual([]);
  });

  it("holds for every TypeScript and script file of the project", () => {
    const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs"], { encoding: "utf8" }).split("\n").filter(Boolean);
    const offenders = files.flatMap((f) => selfForwarding(readFileSync(f, "utf8")).map((name) => `${f}: ${name}`));
    expect(offenders).toEqual([]);
  });
});
