// `npm run storage:migrate`: copies the attachments from the local folder (UPLOAD_DIR) to the
// S3-compatible store of the S3_* variables, verifying each file's SHA-256 on read, on write and
// by reading it back. Run it before switching the instances to FILE_STORAGE=s3 and once more
// after (it skips what is already there). The local files are kept; remove them yourself later.
import { createDb } from "@/lib/platform/db";
import { LocalFileStorage, S3FileStorage, fileStorageConfig, migrateFiles, uploadDir } from "@/lib/cases/documents";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: point it at the portal's database.");
  const target = fileStorageConfig({ ...process.env, FILE_STORAGE: "s3" });
  if (target.kind !== "s3") throw new Error("unreachable");
  const from = new LocalFileStorage(uploadDir());
  const to = new S3FileStorage(target);
  const db = createDb(url);
  console.log(`[storage:migrate] ${from.root} → s3://${target.bucket}${target.endpoint ? ` at ${target.endpoint}` : ""}`);
  try {
    const report = await migrateFiles(db, {
      from,
      to,
      onProgress: (done, total) => {
        if (done % 100 === 0 || done === total) console.log(`[storage:migrate] ${done}/${total}`);
      },
    });
    console.log(`[storage:migrate] copied ${report.copied}, already there ${report.alreadyPresent}, missing ${report.missing.length}, corrupt ${report.corrupt.length}`);
    for (const k of report.missing) console.log(`[storage:migrate] missing in ${from.root}: ${k}`);
    for (const k of report.corrupt) console.log(`[storage:migrate] SHA-256 differs from the database: ${k}`);
    process.exitCode = report.missing.length || report.corrupt.length ? 1 : 0;
  } finally {
    to.close();
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(`[storage:migrate] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
