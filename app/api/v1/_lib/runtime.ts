import type { UserActor } from "@/lib/platform/auth";
import { apiRateLimiter, type SharedLimiter } from "@/lib/integration/api";
import { getDb } from "@/app/_server/db";
import type { Db } from "@/lib/platform/db";
import { getFileStorage, type FileStorage } from "@/lib/cases/documents";

/**
 * What the /api/v1 handlers take from the process: the database, the clock, file storage, the
 * portal session and the rate limiter. Handlers read them through `apiRuntime()` and never call
 * `getDb()` / `new Date()` themselves.
 *
 * Tests replace parts with `setApiRuntimeForTests({ db, now, … })` and call the exported route
 * functions directly (tests/integration/api). Production code never calls the setter.
 */
export type ApiRuntime = {
  db: () => Db;
  now: () => Date;
  storage: () => FileStorage;
  /** The applicant signed in to the portal (session cookie), if any. */
  sessionActor: () => Promise<UserActor | null>;
  /** The API limit, shared by every instance through PostgreSQL (lib/platform/limits). */
  rateLimiter: () => SharedLimiter;
  /** Public URL of the portal (payment return and callback addresses); defaults to NEXTAUTH_URL, else the request's origin. */
  publicBaseUrl: (request: Request) => string;
};

function defaultBaseUrl(request: Request): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

function defaults(): ApiRuntime {
  return {
    db: getDb,
    now: () => new Date(),
    storage: getFileStorage,
    // Loaded lazily: next-auth and next-intl are only needed when a request comes without a token.
    sessionActor: async () => (await import("@/app/_server/session")).getActor(),
    rateLimiter: apiRateLimiter,
    publicBaseUrl: defaultBaseUrl,
  };
}

let current: ApiRuntime | undefined;

export function apiRuntime(): ApiRuntime {
  current ??= defaults();
  return current;
}

/** Tests only: overrides parts of the runtime; returns a function that restores the previous one. */
export function setApiRuntimeForTests(overrides: Partial<ApiRuntime>): () => void {
  const previous = apiRuntime();
  current = { ...previous, ...overrides };
  return () => {
    current = previous;
  };
}
