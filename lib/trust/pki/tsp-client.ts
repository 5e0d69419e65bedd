import { createHash, randomBytes } from "node:crypto";
import { DomainError } from "@/lib/platform/core";
import { addUnsignedAttribute } from "./cms-attach";
import { decodeCms } from "./cms-decode";
import type { RevocationChecker } from "./crl";
import { OID } from "./oids";
import type { TrustStore } from "./trust-store";
import { PKI_STATUS, encodeTimeStampRequest, parseTimeStampResponse } from "./tsp";
import { verifyTimeStampToken } from "./tsp-verify";
import type { TimeStampSummary } from "./verification-status";

/**
 * RFC 3161 client: TimeStampReq v1 (SHA-256 message imprint, random 64-bit nonce, certReq true)
 * posted as `application/timestamp-query`; the TimeStampResp must be granted and its token must
 * verify (tsp-verify.ts) over the stamped data with our nonce. Anything else throws
 * `pki.timestamp_unavailable` with a `reason` — a configured time-stamp source that gives no
 * valid token is an outside system that is down, never a silent B-B.
 */

/** A fetch-compatible function (tests inject one that calls the route handler in-process). */
export type TspFetch = (url: string, init: { method: "POST"; headers: Record<string, string>; body: Uint8Array; signal?: AbortSignal }) => Promise<Response>;

export type TimeStampClientOptions = {
  url: string;
  trustStore: TrustStore;
  revocations: RevocationChecker;
  fetch?: TspFetch;
  /** Default 10 s. */
  timeoutMs?: number;
  /** Largest response read (default 64 KiB). */
  maxResponseBytes?: number;
};

export type TimeStamp = { token: Uint8Array; summary: TimeStampSummary };

const unavailable = (reason: string, extra: Record<string, unknown> = {}) => new DomainError("pki.timestamp_unavailable", { reason, ...extra });

/** A token over `data` from the TSA at `options.url`, verified. */
export async function requestTimeStamp(data: Uint8Array, now: Date, options: TimeStampClientOptions): Promise<TimeStamp> {
  const nonce = randomBytes(8).toString("hex").replace(/^(00)+/, "") || "01";
  const request = encodeTimeStampRequest({ hashOid: OID.sha256, hash: new Uint8Array(createHash("sha256").update(data).digest()), nonce, certReq: true });
  const doFetch: TspFetch = options.fetch ?? ((url, init) => fetch(url, init as RequestInit));
  let response: Response;
  try {
    response = await doFetch(options.url, {
      method: "POST",
      headers: { "Content-Type": "application/timestamp-query", Accept: "application/timestamp-reply" },
      body: request,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (e) {
    throw unavailable("network", { cause: e instanceof Error ? e.message : String(e) });
  }
  if (!response.ok) throw unavailable("http_status", { status: response.status });
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length > (options.maxResponseBytes ?? 64 * 1024)) throw unavailable("response_too_large");
  let parsed;
  try {
    parsed = parseTimeStampResponse(body);
  } catch (e) {
    if (e instanceof DomainError && e.code === "pki.timestamp_invalid") throw unavailable("bad_response");
    throw e;
  }
  if (parsed.status !== PKI_STATUS.granted && parsed.status !== PKI_STATUS.grantedWithMods) {
    throw unavailable("not_granted", { status: parsed.status, failInfo: parsed.failInfo, text: parsed.statusText.join("; ") });
  }
  if (!parsed.token) throw unavailable("no_token");
  const verified = verifyTimeStampToken({ token: parsed.token, stampedData: data, trustStore: options.trustStore, revocations: options.revocations, now, nonce });
  if (!verified.ok) throw unavailable(`token_${verified.reason}`);
  return { token: parsed.token, summary: verified.summary };
}

/**
 * PAdES B-T / CAdES-T: a signature time-stamp over the SignerInfo's signature value, added as the
 * unsigned attribute id-aa-timeStampToken. The signed part of the CMS is unchanged.
 */
export async function addSignatureTimeStamp(cms: Uint8Array, now: Date, options: TimeStampClientOptions): Promise<{ cms: Uint8Array; timestamp: TimeStampSummary }> {
  const decoded = decodeCms(cms);
  if (!decoded.ok) throw new DomainError("pki.unsupported_format", { reason: decoded.reason });
  const stamp = await requestTimeStamp(decoded.cms.signature, now, options);
  return { cms: addUnsignedAttribute(cms, OID.signatureTimeStampToken, stamp.token), timestamp: stamp.summary };
}
