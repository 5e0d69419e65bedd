import { z } from "zod";

export const ZI18nText = z.strictObject({
  kk: z.string().trim().min(1),
  ru: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type TI18nText = z.infer<typeof ZI18nText>;

/** Seed citation "NNN Lx" or "NNN Lx-y" (seed files in ../shared/seeds). */
export const ZSourceRef = z.string().regex(/^00[0-4] L\d+(-\d+)?$/, { message: 'expected "NNN Lx-y"' });

export const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected "HH:MM"' });
export type TClockTime = z.infer<typeof ZClockTime>;

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** One day's opening hours; breaks must lie inside the day, in order, without overlap. */
export const ZDaySchedule = z
  .strictObject({
    start: ZClockTime,
    end: ZClockTime,
    breaks: z.array(z.tuple([ZClockTime, ZClockTime])),
  })
  .superRefine((d, ctx) => {
    if (minutesOfDay(d.start) >= minutesOfDay(d.end)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "end must be after start" });
    }
    let cursor = minutesOfDay(d.start);
    d.breaks.forEach(([from, to], i) => {
      const a = minutesOfDay(from);
      const b = minutesOfDay(to);
      if (a >= b) ctx.addIssue({ code: "custom", path: ["breaks", i], message: "break must end after it starts" });
      if (a <= cursor || b >= minutesOfDay(d.end)) {
        ctx.addIssue({ code: "custom", path: ["breaks", i], message: "break must lie inside the day, after the previous break" });
      }
      cursor = b;
    });
  });
export type TDaySchedule = z.infer<typeof ZDaySchedule>;

/** Developer prose (English): citations go to sourceLines, never into the text. */
const ZProse = z.string().min(1).refine((t) => !/\[\d{3} L\d/.test(t), { message: "seed citations belong in sourceLines" });
export const ZNote = z.strictObject({ text: ZProse, sourceLines: z.array(ZSourceRef) });

const ZSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "expected a kebab-case code" });

export const ZOtherName = z.strictObject({
  name: ZI18nText,
  year: z.number().int().min(1991).max(2100),
  note: ZProse,
  sourceLines: z.array(ZSourceRef).min(1),
});

export const ZOrganisation = z.strictObject({
  code: ZSlug,
  /** psc: a Public Service Centre (ХҚО / ЦОН) that accepts paper packages for `acceptsFor` and forwards them [004 L645-648]. */
  kind: z.enum(["committee", "regional", "psc"]),
  region: ZSlug,
  regionName: ZI18nText,
  name: ZI18nText,
  shortName: ZI18nText.nullable(),
  address: ZI18nText,
  phone: z.string().min(1),
  receptionPhone: z.string().min(1).nullable(),
  fax: z.string().min(1).nullable(),
  email: z.email().nullable(),
  otherEmails: z.array(z.email()),
  web: z.string().min(1).nullable(),
  /** ISO weekdays (1 = Monday); weekends and public holidays are calendar configuration, not data here. */
  workingDays: z.array(z.number().int().min(1).max(7)).min(1),
  workingHours: ZDaySchedule,
  /** When documents are accepted; may be shorter than the working day (Aktobe). */
  receptionHours: ZDaySchedule,
  /** Services the organisation provides (none for a PSC). */
  services: z.array(ZSlug),
  /** A PSC: the services whose paper packages it accepts and forwards to the provider. */
  acceptsFor: z.array(ZSlug).default([]),
  /** Hours a standard sets for its own service where they differ from the office's (standards 2 and 10 at the Committee). */
  serviceHours: z
    .array(z.strictObject({ services: z.array(ZSlug).min(1), workingHours: ZDaySchedule, receptionHours: ZDaySchedule, sourceLines: z.array(ZSourceRef).min(1) }))
    .default([]),
  /** Names used for the same body by other seed texts (DIGEST §12.6). */
  otherNames: z.array(ZOtherName),
  notes: z.array(ZNote),
  sourceLines: z.array(ZSourceRef).min(1),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

export const ZOrganisationsFile = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    organisations: z.array(ZOrganisation).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.organisations.forEach((o, i) => {
      if (seen.has(o.code)) ctx.addIssue({ code: "custom", path: ["organisations", i, "code"], message: `duplicate code "${o.code}"` });
      seen.add(o.code);
      if (o.kind === "psc" ? o.services.length > 0 || o.acceptsFor.length === 0 : o.services.length === 0 || o.acceptsFor.length > 0) {
        ctx.addIssue({ code: "custom", path: ["organisations", i, "services"], message: "a PSC accepts (acceptsFor) and provides nothing; a provider provides at least one service" });
      }
      if (minutesOfDay(o.receptionHours.end) > minutesOfDay(o.workingHours.end)) {
        ctx.addIssue({ code: "custom", path: ["organisations", i, "receptionHours", "end"], message: "reception ends after the working day" });
      }
    });
  });
export type TOrganisationsFile = z.infer<typeof ZOrganisationsFile>;
