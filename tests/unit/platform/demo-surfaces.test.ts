import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Every demo surface (issue 13, F7) is gated by the one helper, before it does anything else:
// pages call notFound() and actions/routes refuse with errors.not_found when demo mode is off.
// (The download route is exercised against a database in tests/integration/pki/demo-certificates.test.ts.)
const GATED = {
  "app/[locale]/(public)/demo-certificates/page.tsx": /if \(!isDemoMode\(process\.env\)\) notFound\(\);/,
  "app/[locale]/applicant/test-certificate/page.tsx": /if \(!isDemoMode\(process\.env\)\) notFound\(\);\s+const actor = await requireActor/,
  "app/[locale]/applicant/test-certificate/actions.ts": /if \(!isDemoMode\(process\.env\)\) throw new DomainError\("errors\.not_found"\);\s+const c = await issueSelfServiceCertificate/,
  "app/[locale]/sandbox/pay/[orderId]/page.tsx": /if \(!isLocale\(l\) \|\| !isDemoMode\(process\.env\)\) notFound\(\);/,
  "app/api/pki/demo-certificates/[serial]/route.ts": /if \(!isDemoMode\(process\.env\) \|\| !serial\.success\) return refuse\("errors\.not_found"\);/,
} as const;

describe("demo surfaces", () => {
  it.each(Object.entries(GATED))("%s is gated by isDemoMode", (file, gate) => {
    expect(readFileSync(file, "utf8")).toMatch(gate);
  });

  it("both payment sandbox actions refuse outside demo mode", () => {
    const src = readFileSync("app/[locale]/sandbox/pay/[orderId]/actions.ts", "utf8");
    expect(src).toMatch(/function assertDemoMode\(\): void \{\s+if \(!isDemoMode\(process\.env\)\) throw new DomainError\("errors\.not_found"\);/);
    expect(src.match(/publicAction\([^]*?\{\s+assertDemoMode\(\);/g)).toHaveLength(2);
  });
});
