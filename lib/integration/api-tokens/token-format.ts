import { createHash, randomBytes } from "node:crypto";

/** Prefix of every portal API token: easy to recognise in logs and by secret scanners. */
export const API_TOKEN_PREFIX = "elk_";

/** `elk_` + 32 random bytes in base64url (43 characters, no padding). */
const TOKEN_RE = /^elk_[A-Za-z0-9_-]{43}$/;

/** A fresh token: 256 bits from the system CSPRNG. Shown to its owner once, never stored. */
export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What the database keeps: hex SHA-256 of the token. A plain hash (no salt, no slow KDF) is enough
 * because the token is 256 random bits, and it lets the lookup use the unique index.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return TOKEN_RE.test(value);
}
