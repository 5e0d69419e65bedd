// Writes the demo EDS key stores (.p12) of the sandbox CA to .data/demo-certificates/ for people
// to import into their tools: `DATABASE_URL=… npx tsx scripts/export-demo-certificates.ts [dir]`.
// Needs a database seeded with the demo data (npm start does it).
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/platform/db";
import { DEMO_EDS_PASSWORD, getDemoPkcs12, listDemoCertificates } from "@/lib/trust/certificates";

const dir = path.resolve(process.argv[2] ?? ".data/demo-certificates");
const db = getDb();
try {
  const list = await listDemoCertificates(db, { now: new Date() });
  if (list.length === 0) {
    console.error("[demo-certificates] none in the database: load the demo data first (npm start, or the seed with DEMO_DATA unset).");
    process.exitCode = 1;
  } else {
    await mkdir(dir, { recursive: true });
    const lines = [
      "Demo EDS key stores of the portal's SANDBOX certification authority (not legally valid).",
      `Password of every file: ${DEMO_EDS_PASSWORD}`,
      "AUTH_RSA256_* = authentication key (sign-in); RSA256_* = signing key (requests, decisions).",
      "",
      "file\tholder\tIIN\tBIN\trole\tstatus\tportal account",
    ];
    for (const c of list) {
      const file = await getDemoPkcs12(db, c.serial);
      if (!file) continue;
      const target = path.join(dir, file.fileName);
      await writeFile(target, file.bytes, { mode: 0o600 });
      await chmod(target, 0o600);
      lines.push([file.fileName, c.holderName, c.iin ?? "", c.bin ?? "", c.role, c.status, c.user?.login ?? ""].join("\t"));
    }
    await writeFile(path.join(dir, "README.txt"), `${lines.join("\n")}\n`);
    console.log(`[demo-certificates] ${list.length} key stores written to ${dir} (password ${DEMO_EDS_PASSWORD})`);
  }
} finally {
  await db.$disconnect();
}
