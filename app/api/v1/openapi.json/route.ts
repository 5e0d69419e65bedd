import { API_OPERATIONS, openApiDocument } from "@/lib/integration/api";
import { withApi } from "../_lib/with-api";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export const GET = withApi(API_OPERATIONS.getOpenApiDocument, async () => openApiDocument());
