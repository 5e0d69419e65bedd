import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { route } from "@/app/_server/route";
import { pathParams } from "@/app/_server/route-params";
import { getDb } from "@/app/_server/db";
import { isLocale, type Locale } from "@/lib/platform/i18n";
import { pscComplaintReceiptPdf } from "@/lib/oversight/complaints";
import { fileResponse } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.uuid() });

/**
 * GET /api/psc/complaints/<id>/receipt?locale=kk: the applicant's stamped second copy of a complaint
 * accepted at the centre — incoming number and date [004 L848-851] — for the accepting centre only.
 */
export const GET = route({ permission: "psc.results" }, "PSC complaint receipt", async (req, { actor, params }) => {
  const { id } = pathParams(ZParams, params);
  const asked = new URL(req.url).searchParams.get("locale") ?? "ru";
  const locale: Locale = isLocale(asked) ? asked : "ru";
  const t = await getTranslations({ locale, namespace: "psc.receipt" });
  const tk = await getTranslations({ locale, namespace: "complaints.kinds" });
  const tch = await getTranslations({ locale, namespace: "complaints.answerChannels" });
  const kinds = Object.fromEntries(["RESULT_DISAGREEMENT", "IMPROPER_SERVICE", "COURTESY"].map((k) => [k, tk(k)]));
  const channels = Object.fromEntries(["portal", "email", "post"].map((k) => [k, tch(k)]));
  const keys = ["title", "stamp", "incomingNumber", "date", "acceptedBy", "applicant", "postalAddress", "kind", "addressee", "answerBy", "answerChannel", "field", "value", "footer"] as const;
  const labels = { ...(Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>), kinds, channels };
  const file = await pscComplaintReceiptPdf(getDb(), { actor, complaintId: id, locale, labels });
  return fileResponse(file.bytes, { fileName: file.fileName, contentType: "application/pdf" });
});
