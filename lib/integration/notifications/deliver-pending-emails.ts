import type { DbOrTx } from "@/lib/platform/db";
import { DEFAULT_LOCALE, isLocale, loadMessages, type Locale, type Messages } from "@/lib/platform/i18n";
import { logger } from "@/lib/platform/log";
import { EMAIL_KINDS, isNotificationKind } from "./kinds";
import { composeNotificationEmail } from "./compose-email";
import { isPermanentMailError, mailConfigFromEnv, type MailTransport } from "./mailer";
import { renderNotification } from "./render";

export type DeliverOptions = {
  now: Date;
  /** Most notifications handled in one run (default 50). */
  limit?: number;
  /** Public base URL for links (default: NEXTAUTH_URL or http://localhost:$PORT). */
  baseUrl?: string;
  /** Older notifications are not e-mailed any more: stale news (default 72 hours). */
  maxAgeHours?: number;
  /** Catalogue loader (default: messages/<locale>/*.json). */
  messages?: (locale: Locale) => Messages;
};

export type DeliverResult = {
  sent: number;
  /** Left pending (a transient send failure, or a text that could not be rendered); the next run retries them. */
  retry: number;
  /** Given up on: the mail server refused the message or the address for good. */
  failed: number;
  /** Claimed by a concurrent run first. */
  skipped: number;
};

/**
 * Sends the e-mail copy of committed notifications whose kind has the e-mail channel and whose
 * user has an address, in the user's language, and marks them `emailedAt`.
 *
 * Exactly-once between workers: each row is claimed by a conditional update
 * (`emailedAt` null → now) before sending, so two concurrent runs never send the same mail; a
 * transient failure releases the claim for the next run. A process killed between the claim and
 * the send loses that one mail (at most once, never twice).
 */
export async function deliverPendingEmails(db: DbOrTx, transport: MailTransport, opts: DeliverOptions): Promise<DeliverResult> {
  const { now } = opts;
  const limit = Math.max(1, Math.min(opts.limit ?? 50, 500));
  const since = new Date(now.getTime() - (opts.maxAgeHours ?? 72) * 3_600_000);
  const baseUrl = opts.baseUrl ?? mailConfigFromEnv().baseUrl;
  const catalogues = new Map<Locale, Messages>();
  const messagesOf = (l: Locale) => {
    let m = catalogues.get(l);
    if (!m) catalogues.set(l, (m = (opts.messages ?? loadMessages)(l)));
    return m;
  };

  const candidates = await db.notification.findMany({
    where: {
      emailedAt: null,
      kind: { in: [...EMAIL_KINDS] },
      createdAt: { gte: since, lte: now },
      user: { active: true, AND: [{ email: { not: null } }, { email: { not: "" } }] },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, kind: true, params: true, applicationId: true, user: { select: { email: true, locale: true } } },
  });

  const result: DeliverResult = { sent: 0, retry: 0, failed: 0, skipped: 0 };
  for (const n of candidates) {
    const claim = await db.notification.updateMany({ where: { id: n.id, emailedAt: null }, data: { emailedAt: now } });
    if (claim.count === 0) {
      result.skipped++;
      continue;
    }
    const release = () => db.notification.updateMany({ where: { id: n.id, emailedAt: now }, data: { emailedAt: null } });
    const locale: Locale = isLocale(n.user.locale) ? n.user.locale : DEFAULT_LOCALE;
    let message;
    try {
      if (!isNotificationKind(n.kind)) throw new Error(`unknown kind ${n.kind}`);
      const messages = messagesOf(locale);
      const rendered = renderNotification(n.kind, (n.params ?? {}) as Record<string, unknown>, locale, messages, { applicationId: n.applicationId });
      message = composeNotificationEmail(rendered, { to: n.user.email!, locale, messages, baseUrl, date: now, notificationId: n.id });
    } catch (err) {
      // A catalogue bug: keep the row pending so it goes out once the text is fixed (until it is stale).
      logger.error({ err, notificationId: n.id, kind: n.kind, locale }, "notification e-mail could not be rendered");
      await release();
      result.retry++;
      continue;
    }
    try {
      await transport.send(message);
      result.sent++;
    } catch (err) {
      if (isPermanentMailError(err)) {
        logger.warn({ err, notificationId: n.id, transport: transport.name }, "notification e-mail refused permanently");
        result.failed++;
      } else {
        logger.warn({ err, notificationId: n.id, transport: transport.name }, "notification e-mail failed; will retry");
        await release();
        result.retry++;
      }
    }
  }
  return result;
}
