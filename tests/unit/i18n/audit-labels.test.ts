import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Issue 12 point 7: audit journals showed raw codes (`payment.paid`, `licence.issued`). Every audit
// type that lib/ records must have a label in kk, ru and en, found as components/officer/audit-label.ts looks.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === "generated" ? [] : files(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

function recordedTypes(): string[] {
  const out = new Set<string>();
  for (const f of files("lib")) {
    const src = readFileSync(f, "utf8");
    for (const m of src.matchAll(/type: "([a-z_]+\.[a-z_.]+)"/g)) out.add(m[1]!);
  }
  // Types built from maps or templates (confirm-payment's AUDIT_TYPE, the licence lifecycle).
  for (const t of ["payment.paid", "payment.declined", "payment.expired", "payment.pending", "licence.suspended", "licence.resumed", "licence.terminated"]) out.add(t);
  return [...out].sort();
}

function lookup(messages: Record<string, Record<string, unknown>>, path: string): unknown {
  const [ns, ...rest] = path.split(".");
  return rest.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), messages[ns!]);
}

describe("audit event labels", () => {
  const types = recordedTypes();
  it("finds the recorded types", () => {
    expect(types.length).toBeGreaterThan(30);
    expect(types).toContain("application.draft_saved");
  });
  for (const locale of ["kk", "ru", "en"]) {
    it(`every recorded audit type has a ${locale} label`, () => {
      const messages = Object.fromEntries(
        readdirSync(`messages/${locale}`).map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(`messages/${locale}/${f}`, "utf8")) as Record<string, unknown>]),
      );
      const missing = types.filter((type) => {
        const u = type.replace(/\./g, "_");
        const keys = [type.startsWith("application.") ? `workflow.audit.${type.slice("application.".length)}` : null, `officer.audit.types.${u}`, `auditTypes.${u}`];
        return !keys.some((k) => k && typeof lookup(messages, k) === "string");
      });
      expect(missing).toEqual([]);
    });
  }
});
