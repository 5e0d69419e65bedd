import { z } from "zod";
import { ZHoursInput } from "./hours";

/** Required text of the admin forms (officers, organisations): trimmed, not empty. */
export const required = (max: number) => z.string().trim().min(1, { message: "validation.required" }).max(max, { message: "validation.too_big" });
/** Optional text: empty means "none" (stored as null); null is accepted too, so parsed output parses again. */
export const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "validation.too_big" })
    .nullish()
    .transform((s) => (s ? s : null));

const isEmail = (s: string) => z.email().safeParse(s).success;
/** Empty means none; otherwise a valid address (checked after trimming). */
export const optionalEmail = z
  .string()
  .trim()
  .max(200, { message: "validation.too_big" })
  .nullish()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || isEmail(s), { message: "validation.email" });

export const ZUpdateOrganisationInput = z.object({
  id: z.uuid(),
  nameKk: required(500),
  nameRu: required(500),
  nameEn: required(500),
  addressKk: optional(500),
  addressRu: optional(500),
  addressEn: optional(500),
  /** Free text: the bodies publish several numbers ("8 (7172) 29-90-73, 29-90-93"). */
  phone: optional(200),
  email: optionalEmail,
  workingHours: ZHoursInput,
  /** Null: documents are accepted during the whole working day. */
  receptionHours: ZHoursInput.nullable(),
  expectedUpdatedAt: z.iso.datetime().nullish(),
});
export type TUpdateOrganisationInput = z.input<typeof ZUpdateOrganisationInput>;

export const ZSetOrganisationActiveInput = z.object({ id: z.uuid(), active: z.boolean() });
export type TSetOrganisationActiveInput = z.input<typeof ZSetOrganisationActiveInput>;
