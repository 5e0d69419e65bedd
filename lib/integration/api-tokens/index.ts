/**
 * lib/integration/api-tokens — personal API tokens of applicants for the integrators' REST API (/api/v1).
 * The plain token (`elk_…`) is shown once at creation; only its SHA-256 is stored.
 */
export { API_TOKEN_PREFIX, generateApiToken, hashApiToken, looksLikeApiToken } from "./token-format";
export {
  ZApiTokenName,
  ZCreateApiTokenInput,
  ZRevokeApiTokenInput,
  API_TOKEN_NAME_MAX,
  type TApiTokenView,
  type TCreateApiTokenInput,
  type TRevokeApiTokenInput,
} from "./schemas";
export { createApiToken, MAX_ACTIVE_TOKENS } from "./create-api-token";
export { listApiTokens } from "./list-api-tokens";
export { revokeApiToken } from "./revoke-api-token";
export { authenticateApiToken, LAST_USED_RESOLUTION_MS, type TApiTokenAuth } from "./authenticate-api-token";
