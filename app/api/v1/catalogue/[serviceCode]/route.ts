import { API_OPERATIONS, serviceDetailView } from "@/lib/integration/api";
import { getService } from "@/lib/law/catalogue";
import { DomainError } from "@/lib/platform/core";
import { withApi } from "../../_lib/with-api";

export const dynamic = "force-dynamic";

/** Public: one service, with the application form of each variant. */
export const GET = withApi(API_OPERATIONS.getService, async ({ params, now }) => {
  const service = getService(params.serviceCode);
  if (!service) throw new DomainError("errors.not_found");
  return serviceDetailView(service, now);
});
