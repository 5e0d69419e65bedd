import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { writeFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachDocument, createFileStorage, fileStorageConfig, LocalFileStorage, migrateFiles, readDocument, S3FileStorage, type TDocumentView } from "@/lib/cases/documents";
import { startS3Server, type S3TestServer } from "@/scripts/cluster/s3-server.mjs";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createDocumentScenario, pdfBytes } from "../../factories/documents";

const now = new Date("2026-11-30T05:00:00Z");
let t: TestDb;
let dir: string;
let server: S3TestServer;
let local: LocalFileStorage;
let s3: S3FileStorage;
let scenario: Awaited<ReturnType<typeof createDocumentScenario>>;
const docs: TDocumentView[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  dir = await mkdtemp(path.join(tmpdir(), "elicense-migrate-"));
  server = await startS3Server({ directory: path.join(dir, "s3") });
  local = new LocalFileStorage(path.join(dir, "uploads"));
  s3 = createFileStorage(fileStorageConfig(server.env)) as S3FileStorage;
  // Four attachments stored on the local disk, as before the switch.
  scenario = await createDocumentScenario(t.db);
  for (const [i, slotKey] of ["charter_scan", "qualification_documents", "qualification_documents", "qualification_documents"].entries()) {
    docs.push(await attachDocument(t.db, local, { actor: scenario.applicant, applicationId: scenario.application.id, slotKey, fileName: `f${i}.pdf`, bytes: pdfBytes(`file ${i}`), now }));
  }
});
afterAll(async () => {
  s3?.close();
  await server?.stop();
  await t?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const keyOf = async (id: string) => (await t.db.document.findUniqueOrThrow({ where: { id }, select: { storageKey: true } })).storageKey;

describe("storage:migrate (local disk → S3)", () => {
  it("copies every file with its hash checked, reports missing and changed files, and can run again", async () => {
    const [ok1, ok2, gone, changed] = docs;
    await local.delete(await keyOf(gone!.id));
    await writeFile(local.pathOf(await keyOf(changed!.id)), pdfBytes("changed on disk"));

    const first = await migrateFiles(t.db, { from: local, to: s3, batchSize: 3 });
    expect(first).toEqual({ copied: 2, alreadyPresent: 0, missing: [await keyOf(gone!.id)], corrupt: [await keyOf(changed!.id)] });
    expect(await s3.exists(await keyOf(changed!.id))).toBe(false);

    // The copied files are served from S3 to the application's readers.
    for (const d of [ok1!, ok2!]) {
      const { body } = await readDocument(t.db, s3, { actor: scenario.applicant, documentId: d.id });
      expect(new Uint8Array(await new Response(body).arrayBuffer())).toEqual(await local.get(await keyOf(d.id)));
    }

    // Repaired source, second run: the two already there are verified and skipped.
    await local.put(await keyOf(changed!.id), pdfBytes("file 3"), { size: changed!.size, sha256: changed!.sha256 });
    const second = await migrateFiles(t.db, { from: local, to: s3 });
    expect(second).toEqual({ copied: 1, alreadyPresent: 2, missing: [await keyOf(gone!.id)], corrupt: [] });
  });

  it("npm run storage:migrate runs it from the environment and fails while a file is missing", async () => {
    // Asynchronously: the S3 server runs in this process and must keep answering.
    const r = await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/storage-migrate.ts"], {
      env: { ...process.env, ...server.env, FILE_STORAGE: "local", DATABASE_URL: t.url, UPLOAD_DIR: local.root, LOG_LEVEL: "silent" },
      encoding: "utf8",
      timeout: 60_000,
    }).then(
      (ok) => ({ status: 0, stdout: ok.stdout }),
      (e: { code?: number; stdout?: string }) => ({ status: e.code, stdout: e.stdout ?? "" }),
    );
    expect(r.stdout).toContain("copied 0, already there 3, missing 1, corrupt 0");
    expect(r.stdout).toMatch(/missing in .*uploads: [0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}/);
    expect(r.status).toBe(1);
  });
});
