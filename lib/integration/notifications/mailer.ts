import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { logger } from "@/lib/platform/log";

/** One e-mail as the notifications module composes it; the sender is the transport's. */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Date header: the business time of the send, not the wall clock. */
  date?: Date;
  /** BCP 47 language of the text (Content-Language). */
  language?: string;
  headers?: Record<string, string>;
};

export type MailSendResult = { messageId: string };

/** Anything that can send a message: SMTP, the development mailbox, a test double. */
export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<MailSendResult>;
}

export type MailConfig = {
  /** smtp://user:pass@host:587 (smtps:// for implicit TLS); unset → development mailbox. */
  smtpUrl: string | null;
  from: string;
  mailboxDir: string;
  /** Absolute base of links in e-mails (the portal's public URL). */
  baseUrl: string;
};

export const DEFAULT_MAIL_FROM = "E-licensing <no-reply@elicense.localhost>";

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): MailConfig {
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    mailboxDir: path.resolve(cwd, env.MAILBOX_DIR?.trim() || path.join(".data", "mailbox")),
    baseUrl: (env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
  };
}

function toNodemailer(from: string, m: MailMessage) {
  return {
    from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    date: m.date,
    headers: {
      // RFC 3834: no auto-replies to automatic notices.
      "Auto-Submitted": "auto-generated",
      ...(m.language ? { "Content-Language": m.language } : {}),
      ...m.headers,
    },
  };
}

/** SMTP through nodemailer; the URL carries host, port, credentials and TLS mode. */
export function createSmtpTransport(opts: { url: string; from: string }): MailTransport {
  const transporter = nodemailer.createTransport(opts.url);
  return {
    name: "smtp",
    async send(m) {
      const info = await transporter.sendMail(toNodemailer(opts.from, m));
      return { messageId: String(info.messageId) };
    },
  };
}

/** What the development mailbox keeps next to each .eml, for the mailbox page. */
export type MailboxRecord = { id: string; eml: string; from: string; to: string; subject: string; date: string; language: string | null; text: string };

/**
 * Development transport: nodemailer composes the real MIME message (streamTransport), which is
 * written to `<dir>/<time>-<id>.eml` (open it in any mail client) with a JSON summary beside it.
 */
export function createMailboxTransport(opts: { dir: string; from: string }): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "mailbox",
    async send(m) {
      const info = await transporter.sendMail(toNodemailer(opts.from, m));
      const id = randomUUID();
      const stamp = (m.date ?? new Date(0)).toISOString().replace(/[:.]/g, "-");
      const base = `${stamp}-${id}`;
      await mkdir(opts.dir, { recursive: true });
      await writeFile(path.join(opts.dir, `${base}.eml`), info.message as Buffer);
      const record: MailboxRecord = {
        id,
        eml: `${base}.eml`,
        from: opts.from,
        to: m.to,
        subject: m.subject,
        date: (m.date ?? new Date(0)).toISOString(),
        language: m.language ?? null,
        text: m.text,
      };
      await writeFile(path.join(opts.dir, `${base}.json`), JSON.stringify(record, null, 2));
      return { messageId: String(info.messageId) };
    },
  };
}

/** SMTP when SMTP_URL is set, otherwise the development mailbox under .data/mailbox. */
export function createMailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const cfg = mailConfigFromEnv(env);
  if (cfg.smtpUrl) return createSmtpTransport({ url: cfg.smtpUrl, from: cfg.from });
  if (env.NODE_ENV === "production") {
    logger.warn({ mailboxDir: cfg.mailboxDir }, "SMTP_URL is not set: e-mail notifications are written to the local mailbox, not sent");
  }
  return createMailboxTransport({ dir: cfg.mailboxDir, from: cfg.from });
}

/**
 * A failure that retrying will not fix: the server refused the message or the recipient for good
 * (SMTP 5xx) or the address is unusable. Anything else (network, 4xx) is worth another attempt.
 */
export function isPermanentMailError(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const err = e as { responseCode?: unknown; code?: unknown };
  if (typeof err.responseCode === "number") return err.responseCode >= 500 && err.responseCode < 600;
  return err.code === "EENVELOPE";
}
