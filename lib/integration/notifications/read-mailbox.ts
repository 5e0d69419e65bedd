import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { MailboxRecord } from "./mailer";

const ZMailboxRecord = z.object({
  id: z.string(),
  eml: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  date: z.string(),
  language: z.string().nullable(),
  text: z.string(),
});

export type MailboxEntry = Omit<MailboxRecord, "date"> & { date: Date };

/** The development mailbox, newest first (an absent folder is an empty mailbox; unreadable files are skipped). */
export async function readMailbox(dir: string, opts: { limit?: number } = {}): Promise<MailboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const limit = Math.max(1, Math.min(opts.limit ?? 100, 1000));
  // File names start with the send time, so a reverse name sort is newest first.
  const files = names.filter((n) => n.endsWith(".json")).sort().reverse().slice(0, limit);
  const out: MailboxEntry[] = [];
  for (const f of files) {
    try {
      const r = ZMailboxRecord.parse(JSON.parse(await readFile(path.join(dir, f), "utf8")));
      out.push({ ...r, date: new Date(r.date) });
    } catch {
      // a half-written or foreign file: not a message
    }
  }
  return out;
}
