import { z } from "zod";
import { isValidBin, isValidIin, isValidIdentifier } from "./iin-bin";

// Messages are i18n keys in the "errors" namespace.
const twelveDigits = z.string().trim().regex(/^\d{12}$/, { message: "validation.identifier_format" });
export const ZIin = twelveDigits.refine(isValidIin, { message: "validation.iin_invalid" });
export const ZBin = twelveDigits.refine(isValidBin, { message: "validation.bin_invalid" });
export const ZIdentifier = twelveDigits.refine(isValidIdentifier, { message: "validation.identifier_invalid" });
