import { z } from "zod";
import { ZIdentifier, isValidBin, isValidIin } from "@/lib/platform/core";

export const ZSignInInput = z.object({
  login: z.string().trim().min(1, { message: "validation.required" }).max(100),
  password: z.string().min(1, { message: "validation.required" }).max(200),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZRegisterApplicantInput = z
  .object({
    kind: z.enum(["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR", "INDIVIDUAL"]),
    identifier: ZIdentifier,
    name: z.string().trim().min(2, { message: "validation.required" }).max(300),
    surname: z.string().trim().min(1, { message: "validation.required" }).max(100),
    givenName: z.string().trim().min(1, { message: "validation.required" }).max(100),
    patronymic: z.string().trim().max(100).optional().or(z.literal("")),
    email: z.string().trim().email({ message: "validation.email" }).max(200),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{10,20}$/, { message: "validation.phone" }),
    password: z.string().min(10, { message: "validation.password_too_short" }).max(200),
    passwordConfirm: z.string(),
  })
  .refine((v) => (v.kind === "LEGAL_ENTITY" ? isValidBin(v.identifier) : isValidIin(v.identifier)), {
    path: ["identifier"],
    message: "validation.identifier_kind_mismatch",
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.password_mismatch" });
export type TRegisterApplicantInput = z.infer<typeof ZRegisterApplicantInput>;
