import { z } from "zod";
import indicatorsJson from "./data/indicators.json";
import { deepFreeze, parseDataFile } from "@/lib/platform/core";
import { ZI18n, ZSourceRef } from "./schema";

export const INDICATORS_FILE = "lib/law/catalogue/data/indicators.json";
export const QUALITY_INDICATOR_IDS = ["1.1", "2.1", "3.1", "3.2", "4.1", "5.1"] as const;
export type TQualityIndicatorId = (typeof QUALITY_INDICATOR_IDS)[number];

const ZPercent = z.number().min(0).max(100);

export const ZIndicatorData = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    indicators: z.array(z.strictObject({ id: z.enum(QUALITY_INDICATOR_IDS), normative: ZPercent, sourceLines: z.array(ZSourceRef).min(1) })),
    /** Indicator 3.2: where the standard publishes the service's information online. */
    informationOnline: z.array(z.strictObject({ service: z.string().min(1), online: z.boolean(), sourceLines: z.array(ZSourceRef).min(1) })),
    /** Target values approved yearly by order [004 L358-361, L7928-7930]. */
    targets: z.array(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        values: z.partialRecord(z.enum(QUALITY_INDICATOR_IDS), ZPercent),
        approvedBy: ZI18n,
        sourceLines: z.array(ZSourceRef).min(1),
      }),
    ),
    choices: z.array(z.strictObject({ topic: z.string().min(1), choice: z.string().min(1), alternatives: z.array(z.string()), sourceLines: z.array(ZSourceRef) })),
  })
  .superRefine((d, ctx) => {
    const ids = d.indicators.map((i) => i.id);
    QUALITY_INDICATOR_IDS.forEach((id) => {
      if (!ids.includes(id)) ctx.addIssue({ code: "custom", path: ["indicators"], message: `indicator ${id} missing` });
    });
    const years = new Set<number>();
    d.targets.forEach((t, i) => {
      if (years.has(t.year)) ctx.addIssue({ code: "custom", path: ["targets", i, "year"], message: `duplicate year ${t.year}` });
      years.add(t.year);
    });
  });
export type TIndicatorData = z.infer<typeof ZIndicatorData>;

export function parseIndicatorData(data: unknown, file: string = INDICATORS_FILE): TIndicatorData {
  return parseDataFile(ZIndicatorData, data, file, "indicators");
}

const DATA = deepFreeze(parseIndicatorData(indicatorsJson as unknown));
const ONLINE = new Map(DATA.informationOnline.map((s) => [s.service, s.online]));

export function getIndicatorData(): TIndicatorData {
  return DATA;
}

/** Indicator 3.2: the standard publishes the service's information electronically [004 L9095-9140]. */
export function publishesInformationOnline(serviceCode: string): boolean {
  return ONLINE.get(serviceCode) ?? false;
}

/** The yearly target of an indicator (percent), or null when no order is recorded for that year. */
export function indicatorTarget(year: number, id: TQualityIndicatorId): number | null {
  return DATA.targets.find((t) => t.year === year)?.values[id] ?? null;
}
