import { refuse, route } from "@/app/_server/route";
import { z } from "zod";
import { getDb } from "@/app/_server/db";
import { getPublicLicenceStatus, normaliseLicenceNumber, parseAnnexNumber } from "@/lib/cases/licences";

export const dynamic = "force-dynamic";

/** A licence number (any case, spaces allowed) or an annex number `{licence}-{n}`. */
const ZNumber = z
  .string()
  .max(60)
  .transform((s) => normaliseLicenceNumber(s) ?? parseAnnexNumber(s)?.licenceNumber ?? null)
  .pipe(z.string());

const HEADERS = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };

/**
 * Public verification of a licence (no sign-in): the same facts as the verification page, as JSON.
 * 400 for a malformed number (the check digits catch typos), 404 for a number not in the register.
 */
export const GET = route({ public: "anyone may check a licence" }, "licence verification", async (_req, { params }: { params: { number?: string } }) => {
  const parsed = ZNumber.safeParse(params.number);
  if (!parsed.success) return refuse("licences.invalid_number", HEADERS);
  const licence = await getPublicLicenceStatus(getDb(), { number: parsed.data });
  if (!licence) return refuse("errors.not_found", HEADERS, { number: parsed.data });
  return Response.json({ checkedAt: new Date().toISOString(), valid: licence.status === "ACTIVE", licence }, { headers: HEADERS });
});
