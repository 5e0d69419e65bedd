import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/app/_server/session";
import { can, type UserActor } from "@/lib/platform/auth";
import { isDomainError } from "@/lib/platform/core";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/platform/i18n";
import { logger } from "@/lib/platform/log";
import type { TTranslate } from "@/lib/oversight/reports";

const STATUS: Record<string, number> = { "auth.signed_out": 401, "errors.not_found": 404, "validation.failed": 422, "supervisor.errors.bad_period": 422 };

export function failure(code: string, status = STATUS[code] ?? 400) {
  return Response.json({ ok: false, code }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Domain and validation errors become their code; anything else is logged and answered without details. */
export function errorResponse(e: unknown, what: string) {
  if (isDomainError(e)) return failure(e.code);
  if (e instanceof z.ZodError) return failure("validation.failed");
  const eventId = randomUUID();
  logger.error({ err: e, eventId }, `unexpected error in ${what}`);
  return Response.json({ ok: false, code: "errors.unexpected", eventId }, { status: 500 });
}

const ZLocale = z.enum(LOCALES).default(DEFAULT_LOCALE);

/**
 * The session actor (never a parameter) and the request's query: `locale` picks the language of
 * the labels; everything else is validated by the use case's own zod schema.
 */
export async function exportContext(url: URL): Promise<{ actor: UserActor; locale: Locale; query: Record<string, string>; t: TTranslate } | Response> {
  const actor = await getActor();
  if (!actor) return failure("auth.signed_out");
  const all = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
  const { locale: rawLocale, ...query } = all;
  const locale = ZLocale.safeParse(rawLocale);
  if (!locale.success) return failure("validation.failed");
  const t = (await getTranslations({ locale: locale.data })) as unknown as TTranslate;
  return { actor, locale: locale.data, query, t };
}

/** Out of role = not found (the same answer as for something that does not exist). */
export function allowed(actor: UserActor, permission: "dashboard.read" | "audit.read" | "complaint.handle"): boolean {
  return can(actor, permission) || (permission === "complaint.handle" && actor.role === "ADMIN");
}

export const DOWNLOAD_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;
