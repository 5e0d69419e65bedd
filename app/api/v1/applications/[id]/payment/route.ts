import { API_OPERATIONS } from "@/lib/integration/api";
import { getPaymentOverview, startPayment } from "@/lib/cases/payments";
import { withApi } from "../../../_lib/with-api";

export const dynamic = "force-dynamic";

/** The fee, whether it is paid, and the payments made. */
export const GET = withApi(API_OPERATIONS.getPayment, async ({ db, actor, params, now }) => getPaymentOverview(db, { actor, applicationId: params.id, now }));

/** Opens (or continues) the payment and returns the gateway's page; the gateway confirms to the portal. */
export const POST = withApi(API_OPERATIONS.startPayment, async ({ db, actor, params, body, now, meta, request, runtime }) => {
  const r = await startPayment(db, { actor, applicationId: params.id, now, meta, baseUrl: runtime.publicBaseUrl(request), locale: body.locale });
  return { paymentId: r.paymentId, paymentCode: r.paymentCode, amountKzt: r.amountKzt, mci: r.mci, paymentPageUrl: r.paymentPageUrl, reused: r.reused };
});
