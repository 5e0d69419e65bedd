import type { z } from "zod";
import type { Permission } from "@/lib/platform/auth";
import {
  ZApplication,
  ZApplicationIdParams,
  ZApplicationListQuery,
  ZApplicationPage,
  ZCatalogue,
  ZCreateApplicationRequest,
  ZDocument,
  ZDocumentUploadRequest,
  ZDraftSaved,
  ZFileVerification,
  ZFileVerificationRequest,
  ZLicenceListQuery,
  ZLicenceNumberParams,
  ZLicencePage,
  ZLicenceVerification,
  ZOpenApiDocument,
  ZPaymentOverview,
  ZPaymentStarted,
  ZSaveDraftRequest,
  ZServiceCodeParams,
  ZServiceDetail,
  ZSigningRequest,
  ZStartPaymentRequest,
  ZSubmitRequest,
  ZSubmitted,
  ZVerificationError,
  ZWithdrawRequest,
} from "./schemas";

/**
 * Every operation of /api/v1 as data: its path, who may call it, and the schemas of its
 * parameters, body and answer. Route handlers validate with exactly these objects (`withApi`),
 * and the OpenAPI document is generated from this table, so the two cannot drift apart.
 */
export type ApiErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;

export type ApiOperation = {
  operationId: string;
  method: "GET" | "POST" | "PATCH";
  /** OpenAPI path template, e.g. `/api/v1/applications/{id}`. */
  path: string;
  tag: "catalogue" | "applications" | "licences" | "meta";
  summary: string;
  description?: string;
  /** `required`: an applicant's API token or portal session holding `permission`; `public`: anyone. */
  auth: "required" | "public";
  /** The permission a caller needs (lib/platform/auth/permissions.ts); required when `auth` is `required`. */
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: {
    type: "json" | "multipart";
    schema: z.ZodType;
    /** The body may be left out (treated as `{}`). */
    optional?: boolean;
    /** Upper bound of the raw body in bytes (JSON default 64 KiB; multipart: the upload limit + 64 KiB). */
    maxBytes?: number;
  };
  response: { status: 200 | 201; schema: z.ZodType; description: string };
  /** Error statuses particular to the operation; the generic ones are derived (see `errorStatusesOf`). */
  errors?: readonly ApiErrorStatus[];
};

function op<const T extends ApiOperation>(o: T): T {
  return o;
}

const id = { params: ZApplicationIdParams } as const;

export const API_OPERATIONS = {
  getCatalogue: op({
    operationId: "getCatalogue",
    method: "GET",
    path: "/api/v1/catalogue",
    tag: "catalogue",
    summary: "Services, their variants, terms, fees today, upload slots, providers and refusal grounds",
    auth: "public",
    response: { status: 200, schema: ZCatalogue, description: "The catalogue" },
  }),
  getService: op({
    operationId: "getService",
    method: "GET",
    path: "/api/v1/catalogue/{serviceCode}",
    tag: "catalogue",
    summary: "One service with the application form of each variant",
    auth: "public",
    params: ZServiceCodeParams,
    response: { status: 200, schema: ZServiceDetail, description: "The service" },
  }),
  createApplication: op({
    operationId: "createApplication",
    method: "POST",
    path: "/api/v1/applications",
    tag: "applications",
    summary: "Start a draft application",
    description: "The applicant's category must be a recipient of the service and the organisation one of its providers.",
    auth: "required",
    permission: "application.create",
    body: { type: "json", schema: ZCreateApplicationRequest },
    response: { status: 201, schema: ZApplication, description: "The new draft" },
  }),
  listApplications: op({
    operationId: "listApplications",
    method: "GET",
    path: "/api/v1/applications",
    tag: "applications",
    summary: "Your applications, newest first",
    auth: "required",
    permission: "application.read_own",
    query: ZApplicationListQuery,
    response: { status: 200, schema: ZApplicationPage, description: "One page" },
  }),
  getApplication: op({
    operationId: "getApplication",
    method: "GET",
    path: "/api/v1/applications/{id}",
    tag: "applications",
    summary: "Status, current step, due date, registration number, timeline and documents",
    auth: "required",
    permission: "application.read_own",
    ...id,
    response: { status: 200, schema: ZApplication, description: "The application" },
  }),
  saveDraft: op({
    operationId: "saveDraft",
    method: "PATCH",
    path: "/api/v1/applications/{id}",
    tag: "applications",
    summary: "Save the form of a draft",
    description: "Compare-and-swap on `expectedVersion`: if the draft changed since you read it, nothing is saved and the answer is 409.",
    auth: "required",
    permission: "application.create",
    ...id,
    body: { type: "json", schema: ZSaveDraftRequest },
    response: { status: 200, schema: ZDraftSaved, description: "Saved; the new version" },
    errors: [409],
  }),
  uploadDocument: op({
    operationId: "uploadDocument",
    method: "POST",
    path: "/api/v1/applications/{id}/documents",
    tag: "applications",
    summary: "Attach a file to an upload slot of a draft",
    description:
      "A single-file slot keeps the newest file. The attachments' SHA-256 are part of the signed request: fetch the signing request again afterwards.",
    auth: "required",
    permission: "application.create",
    ...id,
    body: { type: "multipart", schema: ZDocumentUploadRequest },
    response: { status: 201, schema: ZDocument, description: "The stored document" },
    errors: [409],
  }),
  getPayment: op({
    operationId: "getPayment",
    method: "GET",
    path: "/api/v1/applications/{id}/payment",
    tag: "applications",
    summary: "The fee, whether it is paid, and the payments made",
    auth: "required",
    permission: "application.read_own",
    ...id,
    response: { status: 200, schema: ZPaymentOverview, description: "Payment overview" },
  }),
  startPayment: op({
    operationId: "startPayment",
    method: "POST",
    path: "/api/v1/applications/{id}/payment",
    tag: "applications",
    summary: "Start (or continue) paying the fee; returns the payment page",
    auth: "required",
    permission: "payment.pay",
    ...id,
    body: { type: "json", schema: ZStartPaymentRequest, optional: true },
    response: { status: 200, schema: ZPaymentStarted, description: "The gateway's payment page" },
    errors: [409],
  }),
  getSigningRequest: op({
    operationId: "getSigningRequest",
    method: "GET",
    path: "/api/v1/applications/{id}/signing-request",
    tag: "applications",
    summary: "The bytes to sign with the applicant's EDS, and what still stops the submission",
    auth: "required",
    permission: "application.submit",
    ...id,
    response: { status: 200, schema: ZSigningRequest, description: "Bytes to sign and readiness" },
    errors: [409],
  }),
  submitApplication: op({
    operationId: "submitApplication",
    method: "POST",
    path: "/api/v1/applications/{id}/submit",
    tag: "applications",
    summary: "Submit the signed draft",
    description:
      "The server recomputes the bytes and verifies the signature (chain, revocation, key usage, IIN/BIN of the applicant, signing right). " +
      "402 `payments.not_paid` when the fee is unpaid; 422 `pki.status.*` with `signature` when the signature is refused; " +
      "422 `applications.form_incomplete` / `applications.documents_missing` when the draft is not complete.",
    auth: "required",
    permission: "application.submit",
    ...id,
    body: { type: "json", schema: ZSubmitRequest, maxBytes: 1_500_000 },
    response: { status: 201, schema: ZSubmitted, description: "Registered" },
    errors: [402, 409],
  }),
  withdrawApplication: op({
    operationId: "withdrawApplication",
    method: "POST",
    path: "/api/v1/applications/{id}/withdraw",
    tag: "applications",
    summary: "Withdraw the application",
    auth: "required",
    permission: "application.withdraw",
    ...id,
    body: { type: "json", schema: ZWithdrawRequest, optional: true },
    response: { status: 200, schema: ZApplication, description: "The withdrawn application" },
    errors: [409],
  }),
  listLicences: op({
    operationId: "listLicences",
    method: "GET",
    path: "/api/v1/licences",
    tag: "licences",
    summary: "Your licences, newest first (25 per page)",
    auth: "required",
    permission: "licence.read_own",
    query: ZLicenceListQuery,
    response: { status: 200, schema: ZLicencePage, description: "One page" },
  }),
  verifyFile: op({
    operationId: "verifyFile",
    method: "POST",
    path: "/api/v1/verification",
    tag: "licences",
    summary: "Check a signed file: a licence PDF, a signed package (.p7s), or a document with its .p7s (no sign-in)",
    description:
      "Every signature is verified as at its signing time — signer, organisation (BIN), chain, revocation then — and the file is compared with the register " +
      "(the same check as the page /{locale}/verify). Rate-limited per client address like every operation; bodies over 1.6 MB are refused with 413.",
    auth: "public",
    body: { type: "multipart", schema: ZFileVerificationRequest, maxBytes: 1_700_000 },
    response: { status: 200, schema: ZFileVerification, description: "The verdict and the register comparison" },
  }),
  getOpenApiDocument: op({
    operationId: "getOpenApiDocument",
    method: "GET",
    path: "/api/v1/openapi.json",
    tag: "meta",
    summary: "This OpenAPI 3.1 document",
    auth: "public",
    response: { status: 200, schema: ZOpenApiDocument, description: "The document" },
  }),
} as const satisfies Record<string, ApiOperation>;

export type TApiOperationName = keyof typeof API_OPERATIONS;

/**
 * Operations served by route files outside `withApi` (documented here so that integrators find
 * them in one document). Their error bodies have their own shape.
 */
export const EXTERNAL_OPERATIONS = [
  {
    operationId: "verifyLicence",
    method: "GET",
    path: "/api/v1/licences/{number}/verification",
    tag: "licences",
    summary: "Public check of a licence by its number (no sign-in)",
    auth: "public",
    params: ZLicenceNumberParams,
    response: { status: 200, schema: ZLicenceVerification, description: "The licence as the public register shows it" },
    errorBodies: { 400: ZVerificationError, 404: ZVerificationError },
  },
] as const;

/** POSTs that change an applicant's records: they honour `Idempotency-Key` (lib/integration/api/idempotency.ts). */
export function isIdempotentOperation(o: Pick<ApiOperation, "method" | "auth">): boolean {
  return o.method === "POST" && o.auth === "required";
}

/** The generic error statuses every operation can answer, plus its own. */
export function errorStatusesOf(o: ApiOperation): ApiErrorStatus[] {
  const s = new Set<ApiErrorStatus>(o.errors ?? []);
  s.add(400);
  // A token that is sent must be valid, also on public operations.
  s.add(401);
  if (o.auth === "required") s.add(403);
  if (o.params) s.add(404);
  if (o.query) s.add(422);
  if (isIdempotentOperation(o)) s.add(409);
  if (o.body) {
    s.add(413);
    s.add(415);
    s.add(422);
  }
  s.add(429);
  s.add(500);
  return [...s].sort((a, b) => a - b);
}
