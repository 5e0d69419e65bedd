import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 13 (F6/F12): every route that returns file bytes takes its headers from the one helper
// (lib/platform/http/file-headers.ts), so none can forget the attachment, sandbox or nosniff header.

const root = path.resolve(__dirname, "../../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
const routes = files(path.join(root, "app")).filter((f) => path.basename(f) === "route.ts");
const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");

/** The routes that serve stored or generated files. */
const FILE_ROUTES = [
  "app/api/files/[id]/route.ts",
  "app/api/licences/[id]/pdf/route.ts",
  "app/api/licences/[id]/signature/route.ts",
  "app/api/signatures/[id]/package/route.ts",
  "app/api/supervisor/report.pdf/route.ts",
  "app/api/supervisor/export/[table]/route.ts",
  "app/api/pki/ca/route.ts",
  "app/api/pki/crl/route.ts",
  "app/api/pki/demo-certificates/[serial]/route.ts",
  "app/api/applications/[id]/decision-preview/route.ts",
  "app/api/psc/complaints/[id]/receipt/route.ts",
];

/** Protocol answers, not files: RFC 3161 time-stamp replies. */
const PROTOCOL_ROUTES = ["app/api/pki/tsa/route.ts"];

describe("file responses", () => {
  it("every file route builds its headers with fileHeaders() (or answers with fileResponse(), which does)", () => {
    for (const f of FILE_ROUTES) expect(readFileSync(path.join(root, f), "utf8"), f).toMatch(/\bfileHeaders\(\{|\bfileResponse\([^,]+, \{/);
  });

  it("no route sets Content-Disposition or a Content-Type of its own (a new file route must use fileHeaders)", () => {
    // (Lower-case "content-type" is a request header built to parse an upload, not an answer.)
    const offenders = routes.filter((f) => !PROTOCOL_ROUTES.includes(rel(f))).filter((f) => /["']content-disposition["']\s*:/i.test(readFileSync(f, "utf8")) || /["']Content-Type["']\s*:/.test(readFileSync(f, "utf8"))).map(rel);
    expect(offenders).toEqual([]);
  });

  it("only the licence PDF viewer and the head's draft preview (framed by the portal) are inline", () => {
    const inline = routes.filter((f) => /disposition:\s*["']inline["']|["']inline;/.test(readFileSync(f, "utf8"))).map(rel);
    expect(inline.sort()).toEqual(["app/api/applications/[id]/decision-preview/route.ts", "app/api/licences/[id]/pdf/route.ts"]);
  });
});
