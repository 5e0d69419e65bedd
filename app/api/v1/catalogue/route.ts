import { API_OPERATIONS, serviceView } from "@/lib/integration/api";
import { getCatalogue } from "@/lib/law/catalogue";
import { withApi } from "../_lib/with-api";

export const dynamic = "force-dynamic";

/** Public: every service with its variants, terms, today's fees, upload slots, providers and refusal grounds. */
export const GET = withApi(API_OPERATIONS.getCatalogue, async ({ now }) => ({
  asOf: now,
  services: getCatalogue().services.map((s) => serviceView(s, now)),
}));
