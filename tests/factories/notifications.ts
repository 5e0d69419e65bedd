import type { Db } from "@/lib/platform/db";
import type { Locale } from "@/lib/platform/i18n";
import type { MailMessage, MailSendResult, MailTransport } from "@/lib/integration/notifications";
import { createUser } from "./index";

type Role = Parameters<typeof createUser>[1];

/** A user with an e-mail address and a language (createUser leaves both unset). */
export async function createNotifiedUser(
  db: Db,
  o: { role?: Role; locale?: Locale; email?: string | null; active?: boolean; organisationId?: string | null; subjectId?: string | null } = {},
) {
  const { user, actor } = await createUser(db, o.role ?? "APPLICANT", { organisationId: o.organisationId, subjectId: o.subjectId });
  const email = o.email === undefined ? `${user.id}@example.kz` : o.email;
  await db.user.update({ where: { id: user.id }, data: { email, locale: o.locale ?? "ru", active: o.active ?? true } });
  return { user: { ...user, email }, actor };
}

/**
 * A real MailTransport that keeps what it "sends" in memory. `delayMs` widens race windows in
 * concurrency tests; `failWith` makes the next sends fail with the given error.
 */
export class RecordingTransport implements MailTransport {
  readonly name = "recording";
  readonly sent: MailMessage[] = [];
  private failures: unknown[] = [];

  constructor(private readonly opts: { delayMs?: number } = {}) {}

  /** The next `times` sends throw `error`. */
  failNext(error: unknown, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(error);
  }

  async send(message: MailMessage): Promise<MailSendResult> {
    if (this.opts.delayMs) await new Promise((r) => setTimeout(r, this.opts.delayMs));
    if (this.failures.length > 0) throw this.failures.shift();
    this.sent.push(message);
    return { messageId: `<${this.sent.length}@recording.test>` };
  }

  /** Messages by the notification id they carry. */
  byNotification(): Map<string, MailMessage[]> {
    const out = new Map<string, MailMessage[]>();
    for (const m of this.sent) {
      const id = m.headers?.["X-Notification-Id"] ?? "";
      out.set(id, [...(out.get(id) ?? []), m]);
    }
    return out;
  }
}

/** An SMTP-like error (nodemailer puts the server's reply code in `responseCode`). */
export function smtpError(responseCode: number, message = `SMTP ${responseCode}`): Error {
  return Object.assign(new Error(message), { responseCode, code: "EMESSAGE" });
}
