/**
 * lib/integration/api — the integrators' REST API (/api/v1) without the framework: wire schemas (the single
 * source of validation and documentation), the operation table, the OpenAPI document, error →
 * HTTP mapping, the rate limiter, and the read models the routes answer with. See README.md.
 */
export * from "./schemas";
export { API_OPERATIONS, EXTERNAL_OPERATIONS, errorStatusesOf, isIdempotentOperation, type ApiOperation, type ApiErrorStatus, type TApiOperationName } from "./operations";
export { openApiDocument } from "./openapi";
export { API_ERROR_CODES, fieldCodesOf, toErrorResponse, type TErrorResponse } from "./errors";
export { englishMessage } from "./messages";
export { apiRateLimiter, API_LIMITER_NAME, rateLimitPerMinute, DEFAULT_RATE_LIMIT_PER_MINUTE, type RateLimitDecision, type SharedLimiter } from "./rate-limit";
export { encodeCursor, decodeCursor } from "./cursor";
export { listApplicationsPage } from "./list-applications";
export { serviceView, serviceDetailView, applicationSummaryView, applicationView, readinessView, signatureVerdictView, fieldErrorsView } from "./views";
export {
  runIdempotent,
  purgeIdempotencyRecords,
  requestFingerprint,
  fingerprintMaterial,
  nestedDb,
  IDEMPOTENCY_TTL_MS,
  IDEMPOTENCY_WAIT_MS,
  type IdempotentAnswer,
  type IdempotentResult,
} from "./idempotency";
