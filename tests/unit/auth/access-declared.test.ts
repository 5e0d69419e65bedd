import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/integration/api";
import { PERMISSIONS } from "@/lib/platform/auth";

// Every entry point declares who may use it, from the one permission table (issue 17):
// server actions, route handlers, /api/v1 operations and the pages of the signed-in areas.

const root = path.resolve(__dirname, "../../..");
const appDir = path.join(root, "app");
const known = new Set(Object.keys(PERMISSIONS));
/** next-auth's own handler: its providers check the credentials. */
const ROUTE_ALLOWLIST = new Set(["app/api/auth/[...nextauth]/route.ts"]);
/** Areas whose pages are open to visitors. */
const PUBLIC_PAGE_DIRS = ["app/[locale]/(public)", "app/[locale]/(auth)", "app/[locale]/sandbox"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

function propString(obj: ts.Expression | undefined, name: string): string | undefined {
  if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name && ts.isStringLiteralLike(p.initializer)) return p.initializer.text;
  }
  return undefined;
}

/** `export const X = <init>` declarations of a file. */
function exportedConsts(sf: ts.SourceFile): { name: string; init: ts.Expression | undefined }[] {
  return sf.statements.filter(ts.isVariableStatement).filter((s) => s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)).flatMap((s) => s.declarationList.declarations.map((d) => ({ name: d.name.getText(), init: d.initializer })));
}

/** What an action / route call declares: a permission of the table, or a stated public reason. */
function declaredAccess(call: ts.CallExpression, optsIndex: number): string | null {
  const opts = call.arguments[optsIndex];
  const permission = propString(opts, "permission");
  if (permission !== undefined) return known.has(permission) ? `permission:${permission}` : null;
  const reason = propString(opts, "public");
  return reason && reason.trim().length > 3 ? "public" : null;
}

const serverActionFiles = files(appDir).filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")));
const routeFiles = files(appDir).filter((f) => path.basename(f) === "route.ts" && !ROUTE_ALLOWLIST.has(rel(f)));

describe("every entry point declares its access", () => {
  it("finds the entry points (the walk itself works)", () => {
    expect(serverActionFiles.length).toBeGreaterThan(15);
    expect(routeFiles.length).toBeGreaterThan(20);
  });

  it("server actions: action(schema, fn, { permission }) or publicAction(schema, fn, { public })", () => {
    const missing: string[] = [];
    for (const f of serverActionFiles) {
      for (const { name, init } of exportedConsts(parse(f))) {
        if (!init || !ts.isCallExpression(init)) continue;
        const callee = init.expression.getText();
        if (callee !== "action" && callee !== "publicAction") {
          missing.push(`${rel(f)}#${name}: exported through ${callee}(), not the action client`);
          continue;
        }
        if (!declaredAccess(init, 2)) missing.push(`${rel(f)}#${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("route handlers: route({ permission } | { public }, …) or withApi(operation, …)", () => {
    const missing: string[] = [];
    for (const f of routeFiles) {
      const sf = parse(f);
      const functions = sf.statements.filter(ts.isFunctionDeclaration).filter((d) => d.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
      for (const fn of functions) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(fn.name?.text ?? "")) missing.push(`${rel(f)}#${fn.name?.text}: a bare function`);
      for (const { name, init } of exportedConsts(sf)) {
        if (!/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) continue;
        if (!init || !ts.isCallExpression(init)) {
          missing.push(`${rel(f)}#${name}`);
          continue;
        }
        const callee = init.expression.getText();
        if (callee === "withApi") continue; // checked through API_OPERATIONS below
        if (callee !== "route" || !declaredAccess(init, 0)) missing.push(`${rel(f)}#${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("API operations that need a caller name a permission of the table", () => {
    const missing = Object.values(API_OPERATIONS)
      .filter((op) => op.auth === "required" && !(op.permission && known.has(op.permission)))
      .map((op) => op.operationId);
    expect(missing).toEqual([]);
  });

  it("pages of the signed-in areas call requireActor(permission) themselves or under a layout that does", () => {
    const guards = (file: string) => {
      const m = /requireActor\(\s*"([^"]+)"\s*\)/.exec(readFileSync(file, "utf8"));
      return !!m && known.has(m[1]!);
    };
    const missing: string[] = [];
    for (const page of files(path.join(appDir, "[locale]")).filter((f) => path.basename(f) === "page.tsx")) {
      if (PUBLIC_PAGE_DIRS.some((d) => rel(page).startsWith(`${d}/`)) || rel(page) === "app/[locale]/page.tsx") continue;
      let dir = path.dirname(page);
      let ok = guards(page);
      while (!ok && dir.startsWith(path.join(appDir, "[locale]", ""))) {
        const layout = path.join(dir, "layout.tsx");
        ok = statSync(dir).isDirectory() && readdirSync(dir).includes("layout.tsx") && guards(layout);
        dir = path.dirname(dir);
      }
      if (!ok) missing.push(rel(page));
    }
    expect(missing).toEqual([]);
  });

  it("role lists live only in lib/platform/auth", () => {
    const roleList = /\[\s*"(APPLICANT|OFFICE_CLERK|HEAD|DEPUTY_HEAD|DEPARTMENT_HEAD|EXECUTOR|SUPERVISOR|ADMIN)"\s*,/;
    const offenders = [...files(appDir), ...files(path.join(root, "components"))].filter((f) => /\.tsx?$/.test(f) && roleList.test(readFileSync(f, "utf8"))).map(rel);
    expect(offenders).toEqual([]);
  });
});
