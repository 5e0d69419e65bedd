import fc from "fast-check";
import type { Db } from "@/lib/platform/db";

/**
 * Generators of malformed input for the fuzz tests (issue 13 F3): the values the attacker's probe
 * used (NUL, lone surrogates, far dates, broken cursors, huge numbers), mixed with plausible ones so
 * that the generated requests also get past the first checks of a handler.
 */
export const MALFORMED_TEXT = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\ud83d",
  "0001-01-01",
  "9999-12-31",
  "2026-02-30",
  "2026-13-01",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "2026-01-01T00:00:00Z|1",
  "9999-12-31T23:59:59.999Z|99999999999999999999",
  "|",
  "not|a|cursor",
  "eyJhIjoxfQ",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "{\"$gt\":\"\"}",
  "__proto__",
  "x".repeat(5000),
  "",
  " ",
  "ru",
  "kk",
  "en",
  "quarter",
  "month",
  "year",
  "2026",
  "scrap-metal-licence",
  "aktobe",
  "00000000-0000-0000-0000-000000000000",
  "ВЛ-26-0000001",
];

export const text = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_TEXT) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\u0000", "\ud800", "\udc00")).map(([a, b]) => a + b) },
  );

/** A path segment: a known id now and then (so that handlers go deeper), else malformed text. */
export const malformedSegment = (knownIds: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...knownIds, "csv", "audit", "deadline-list", "complaints", "ca.pem") }, { weight: 3, arbitrary: text() });

/** Query keys the portal's routes read, plus noise. */
const QUERY_KEYS = ["from", "to", "after", "service", "locale", "period", "year", "quarter", "month", "organisationId", "region", "type", "actor", "application", "cert", "format", "download", "cursor", "limit", "status", "number", "identifier", "q", "callbackUrl", "x"];

export const malformedQuery = (): fc.Arbitrary<[string, string][]> => fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: text() }), text()), { maxLength: 5 });

const json = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(fc.oneof(fc.constantFrom("formData", "serviceCode", "variant", "organisationCode", "slotKey", "eventId", "orderId", "status", "amountKzt", "paidAt", "reason", "expectedVersion", "__proto__"), text()), tie("value"), { maxKeys: 4 }),
    ),
  })).value;

export type TMalformedBody = { label: string; contentType: string | null; bytes: Uint8Array; headers?: Record<string, string> };

const enc = new TextEncoder();

/** Bodies: JSON with malformed strings (escaped, so lone surrogates survive), raw garbage, forms, multipart, wrong types. */
export const malformedBody = (): fc.Arbitrary<TMalformedBody> =>
  fc.oneof(
    json().map((v) => ({ label: "json", contentType: "application/json", bytes: enc.encode(JSON.stringify(v) ?? "null") })),
    fc.constantFrom(
      '{"formData":{"a":"\\u0000"}}',
      '{"serviceCode":"\\ud800","variant":"issue","organisationCode":"aktobe"}',
      '{"eventId":"\\u0000","orderId":"x","merchantRef":"y","status":"PAID","amountKzt":1,"paidAt":null}',
      '{"a":' + "[".repeat(3000) + "]".repeat(3000) + "}",
      "{",
      "null",
      "[]",
      '"\\ud800"',
    ).map((s) => ({ label: `json ${s.slice(0, 40)}`, contentType: "application/json", bytes: enc.encode(s) })),
    fc.uint8Array({ maxLength: 200 }).map((b) => ({ label: "bytes", contentType: "application/octet-stream", bytes: b })),
    fc.tuple(fc.constantFrom("login", "password", "callbackUrl", "slotKey", "reason"), text()).map(([k, v]) => ({
      label: "form",
      contentType: "application/x-www-form-urlencoded",
      bytes: enc.encode(new URLSearchParams({ [k]: v }).toString()),
    })),
    fc.tuple(text(), fc.uint8Array({ maxLength: 64 }), fc.constantFrom("application/pdf", "image/png", "image/jpeg", "text/html", "")).map(([name, data, type]) => {
      const boundary = "----fuzz";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="slotKey"\r\n\r\ncharter_scan\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/["\r\n]/g, "_")}"\r\nContent-Type: ${type}\r\n\r\n`;
      const bytes = new Uint8Array([...enc.encode(head), ...enc.encode("%PDF-1.4\n<html><script>alert(1)</script></html>"), ...data, ...enc.encode(`\r\n--${boundary}--\r\n`)]);
      return { label: `multipart ${type}`, contentType: `multipart/form-data; boundary=${boundary}`, bytes };
    }),
    fc.constant({ label: "huge", contentType: "application/json", bytes: enc.encode(`{"a":"${"x".repeat(3 * 1024 * 1024)}"}`) }),
    fc.constant({ label: "lying length", contentType: "application/json", bytes: enc.encode("{}"), headers: { "content-length": "999999999" } }),
  );

/** Row counts of the tables a request could change (one round trip). */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "Subject") AS subjects,
      (SELECT count(*) FROM "Application") AS applications, (SELECT count(*) FROM "Document") AS documents,
      (SELECT count(*) FROM "Payment") AS payments, (SELECT count(*) FROM "Signature") AS signatures,
      (SELECT count(*) FROM "Licence") AS licences, (SELECT count(*) FROM "Complaint") AS complaints,
      (SELECT count(*) FROM "Notification") AS notifications, (SELECT count(*) FROM "ApiToken") AS "apiTokens",
      (SELECT count(*) FROM "IdempotencyRecord") AS idempotency`;
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}
