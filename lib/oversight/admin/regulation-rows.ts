import { localIsoDate } from "@/lib/law/regulations";

/** A @db.Date column as the ISO day it stores. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type TValidity = "past" | "in_force" | "future";

/** Where a version stands on the local (Almaty) day of `now`. */
export function validityOn(from: string, to: string | null, now: Date): TValidity {
  const today = localIsoDate(now);
  if (from > today) return "future";
  if (to !== null && to < today) return "past";
  return "in_force";
}

/** The columns the admin pages show for a RegulationVersion row. */
export const REGULATION_ROW_SELECT = {
  id: true,
  regulationId: true,
  version: true,
  serviceCode: true,
  region: true,
  effectiveFrom: true,
  effectiveTo: true,
  sha256: true,
  activatedAt: true,
  activatedById: true,
  organisation: { select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true } },
  service: { select: { titleKk: true, titleRu: true, titleEn: true } },
} as const;
