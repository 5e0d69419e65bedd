import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The module boundaries of eslint.config.mjs fail on deliberately broken imports (issue 17).

const root = path.resolve(__dirname, "../../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function errorsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const boundary = (errors: string[]) => errors.filter((e) => e.startsWith("no-restricted-imports") || e.startsWith("no-restricted-syntax"));

describe("module boundaries", { timeout: 180_000 }, () => {
  it("a lib module is imported through its index, not a deep path", async () => {
    expect(boundary(await errorsOf("app/[locale]/x/page.tsx", 'import { saveDraft } from "@/lib/cases/applications/save-draft";\nexport const y = saveDraft;\n'))).toHaveLength(1);
    expect(boundary(await errorsOf("lib/cases/worklist/x.ts", 'import { saveDraft } from "@/lib/cases/applications/save-draft";\nexport const y = saveDraft;\n'))).toHaveLength(1);
    // the index and a declared second entry are fine
    expect(boundary(await errorsOf("lib/cases/worklist/x.ts", 'import { saveDraft } from "@/lib/cases/applications";\nimport { verifyCms } from "@/lib/trust/pki/server";\nexport const y = [saveDraft, verifyCms];\n'))).toEqual([]);
  });

  it("a relative path does not leave a module", async () => {
    expect(boundary(await errorsOf("lib/cases/worklist/x.ts", 'import { a } from "../applications/save-draft";\nexport const y = a;\n'))).toHaveLength(1);
    expect(boundary(await errorsOf("lib/trust/pki/ca-sandbox/x.ts", 'import { a } from "../../certificates";\nexport const y = a;\n'))).toHaveLength(1);
    expect(boundary(await errorsOf("lib/trust/pki/ca-sandbox/x.ts", 'import { a } from "../cms-sign";\nexport const y = a;\n'))).toEqual([]);
  });

  it("the pure law modules touch no database, no I/O and no clock", async () => {
    expect(boundary(await errorsOf("lib/law/workflow/x.ts", 'import { getDb } from "@/lib/platform/db";\nexport const y = getDb;\n'))).toHaveLength(1);
    expect(boundary(await errorsOf("lib/law/calendar/x.ts", 'import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n'))).toHaveLength(1);
    expect(boundary(await errorsOf("lib/law/deadlines/x.ts", "export const now = () => new Date();\nexport const t = () => Date.now();\n"))).toHaveLength(2);
    expect(boundary(await errorsOf("lib/law/regulations/x.ts", "export const at = (iso: string) => new Date(iso);\n"))).toEqual([]);
  });

  it("components never import app/", async () => {
    expect(boundary(await errorsOf("components/x/y.tsx", 'import { saveDraftAction } from "@/app/[locale]/applicant/applications/[id]/actions";\nexport const y = saveDraftAction;\n'))).toHaveLength(1);
  });

  it("only app/_server hands out the database, and app/ runs no queries", async () => {
    expect(boundary(await errorsOf("app/[locale]/x/page.tsx", 'import { getDb } from "@/lib/platform/db";\nexport const y = getDb;\n'))).toHaveLength(1);
    expect(boundary(await errorsOf("app/[locale]/x/page.tsx", 'import { getDb } from "@/app/_server/db";\nexport const y = () => getDb().user.findMany({});\n'))).toHaveLength(1);
    expect(boundary(await errorsOf("app/[locale]/x/page.tsx", 'import type { Role } from "@/lib/platform/db";\nimport { getDb } from "@/app/_server/db";\nexport const y: Role | null = getDb() ? null : null;\n'))).toEqual([]);
  });
});
