import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/platform/db";
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
export async function GET(_req: NextRequest, { params }: { params: Promise<{ number: string }> }) {
  const raw = (await params).number;
  const parsed = ZNumber.safeParse(raw);
  if (!parsed.success) return NextResponse.json({ error: "licences.invalid_number" }, { status: 400, headers: HEADERS });
  const licence = await getPublicLicenceStatus(getDb(), { number: parsed.data });
  if (!licence) return NextResponse.json({ error: "errors.not_found", number: parsed.data }, { status: 404, headers: HEADERS });
  return NextResponse.json({ checkedAt: new Date().toISOString(), valid: licence.status === "ACTIVE", licence }, { headers: HEADERS });
}
