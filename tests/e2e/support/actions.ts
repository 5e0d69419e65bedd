import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { e2eDatabaseUrl } from "./seed-submitted";

/**
 * The server actions of the production build, read from Next's manifest
 * (`.next/server/server-reference-manifest.json`: `{ node: { <id>: { workers: { "app/…/page": … },
 * exportedName?, filename? } }, edge, encryptionKey }`), each with a page that runs it.
 */
export type TBuiltAction = { id: string; name: string; worker: string; url: string };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** A syntactically valid id for the pages' `[id]`-like segments (no record has it). */
const SOME_ID = "00000000-0000-4000-8000-000000000000";

/** "app/[locale]/(auth)/register/page" → "/ru/register" (groups dropped, dynamic segments filled). */
export function pageUrl(worker: string, locale = "ru"): string {
  const segments = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .flatMap((s) => {
      if (s === "[locale]") return [locale];
      if (s.startsWith("[[...")) return [];
      if (s.startsWith("[...")) return ["x"];
      if (s.startsWith("[")) return [SOME_ID];
      return [s];
    });
  return `/${segments.join("/")}`;
}

export function builtActions(): TBuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node)
    .map(([id, a]) => {
      const worker = Object.keys(a.workers).find((w) => w.endsWith("/page")) ?? Object.keys(a.workers)[0]!;
      const name = `${a.exportedName ?? id.slice(0, 10)}${a.filename ? ` (${a.filename})` : ""}`;
      return { id, name, worker, url: pageUrl(worker) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const TABLES = ["User", "Subject", "Application", "ApplicationStep", "Document", "Payment", "GatewayOrder", "Signature", "Licence", "LicenceStatusEvent", "Complaint", "SurveyResponse", "Notification", "AuditEvent", "ApiToken", "IssuedCertificate", "CertificateRevocation", "RegulationVersion", "CalendarYear", "Organisation", "IdempotencyRecord", "AuthChallenge", "PaymentCallback"];
const CHANGED = ["Application", "Organisation", "CalendarYear", "Licence", "Payment", "Subject"];
const STATE_SQL = `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}, ${CHANGED.map((t) => `(SELECT max("updatedAt") FROM "${t}") AS "${t}.updatedAt"`).join(", ")}, (SELECT count(*) FROM "Notification" WHERE "readAt" IS NOT NULL) AS "Notification.read"`;

/**
 * The e2e database for a spec: `state()` is the row counts of the tables an action could add to
 * and the latest change of the main records (one query), to compare before and after a request.
 */
export async function openE2eDatabase(): Promise<{ client: pg.Client; state: () => Promise<string>; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  return {
    client,
    state: async () => JSON.stringify((await client.query(STATE_SQL)).rows[0]),
    close: () => client.end(),
  };
}
