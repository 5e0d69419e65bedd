import type { DbOrTx } from "@/lib/platform/db";
import { StorageIntegrityError } from "./integrity";
import type { FileStorage } from "./storage";

export type TMigrateFilesReport = {
  /** Copied now, then read back from the target with the right SHA-256. */
  copied: number;
  /** Already in the target with the right SHA-256 (an earlier, interrupted run): left as is. */
  alreadyPresent: number;
  /** Rows whose file is not in the source. */
  missing: string[];
  /** Rows whose file in the source (or, after copying, in the target) does not match the row's SHA-256. */
  corrupt: string[];
};

/** Reads a stream to its end (the verifying transform inside it judges the bytes). */
async function drain(stream: ReadableStream<Uint8Array>): Promise<void> {
  const reader = stream.getReader();
  for (;;) if ((await reader.read()).done) return;
}

async function verified(storage: FileStorage, key: string, expected: { size: number; sha256: string }): Promise<boolean | null> {
  const s = await storage.stream(key, expected);
  if (!s) return null;
  try {
    await drain(s);
    return true;
  } catch (e) {
    if (e instanceof StorageIntegrityError) return false;
    throw e;
  }
}

/**
 * Copies every stored file of the `Document` rows from one storage to another (`npm run
 * storage:migrate`: local disk → S3), streaming, and checks the SHA-256 of the row three times:
 * reading the source, writing the target, and reading the target back. Safe to run again: files
 * already in the target with the right hash are skipped. Nothing is deleted from the source.
 */
export async function migrateFiles(
  db: DbOrTx,
  o: { from: FileStorage; to: FileStorage; batchSize?: number; onProgress?: (done: number, total: number) => void },
): Promise<TMigrateFilesReport> {
  const report: TMigrateFilesReport = { copied: 0, alreadyPresent: 0, missing: [], corrupt: [] };
  const total = await db.document.count();
  let after: string | undefined;
  let done = 0;
  for (;;) {
    const rows = await db.document.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: o.batchSize ?? 200,
      select: { id: true, storageKey: true, size: true, sha256: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const expected = { size: row.size, sha256: row.sha256 };
      if ((await verified(o.to, row.storageKey, expected)) === true) {
        report.alreadyPresent++;
      } else {
        const source = await o.from.stream(row.storageKey, expected);
        if (!source) report.missing.push(row.storageKey);
        else {
          try {
            await o.to.put(row.storageKey, source, expected);
            if ((await verified(o.to, row.storageKey, expected)) === true) report.copied++;
            else report.corrupt.push(row.storageKey);
          } catch (e) {
            if (!(e instanceof StorageIntegrityError)) throw e;
            report.corrupt.push(row.storageKey);
          }
        }
      }
      o.onProgress?.(++done, total);
    }
    after = rows[rows.length - 1]!.id;
  }
  return report;
}
