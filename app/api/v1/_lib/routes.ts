import { apiFastPath } from "./fast-path";
import type { ApiRoute } from "./with-api";
import * as applications from "../applications/route";
import * as application from "../applications/[id]/route";
import * as documents from "../applications/[id]/documents/route";
import * as payment from "../applications/[id]/payment/route";
import * as signingRequest from "../applications/[id]/signing-request/route";
import * as submit from "../applications/[id]/submit/route";
import * as withdraw from "../applications/[id]/withdraw/route";
import * as catalogue from "../catalogue/route";
import * as service from "../catalogue/[serviceCode]/route";
import * as licences from "../licences/route";
import * as openapi from "../openapi.json/route";
import * as verification from "../verification/route";

/**
 * Every /api/v1 route handler made by withApi, for the fast path (fast-path.ts). A handler missing
 * here is still served, by Next; tests/integration/api/fast-path.test.ts fails when one is missing.
 * (GET /api/v1/licences/{number}/verification is a plain route, not withApi: Next serves it.)
 */
export const API_ROUTES: readonly ApiRoute[] = [
  catalogue.GET,
  service.GET,
  applications.GET,
  applications.POST,
  application.GET,
  application.PATCH,
  documents.POST,
  payment.GET,
  payment.POST,
  signingRequest.GET,
  submit.POST,
  withdraw.POST,
  licences.GET,
  verification.POST,
  openapi.GET,
];

/** The key under which instrumentation.ts publishes the listener for scripts/serve.mjs. */
export const API_FAST_PATH_KEY = Symbol.for("elicense.apiFastPath");

/** Publishes the listener for scripts/serve.mjs (once, when the server starts); `API_FAST_PATH=0` leaves every request to Next. */
export function publishApiFastPath(env: NodeJS.ProcessEnv = process.env): void {
  if (env.API_FAST_PATH === "0") return;
  (globalThis as Record<symbol, unknown>)[API_FAST_PATH_KEY] = apiFastPath(API_ROUTES, env);
}
