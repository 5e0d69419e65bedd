import type { DbOrTx } from "@/lib/platform/db";

/** A numeric Setting (administrators edit them as JSON); a missing or non-numeric value gives the default. */
export async function numberSetting(db: DbOrTx, key: string, fallback: number): Promise<number> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  const v = row?.value;
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
}
