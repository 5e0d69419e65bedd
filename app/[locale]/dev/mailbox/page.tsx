import path from "node:path";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { mailConfigFromEnv, readMailbox } from "@/lib/integration/notifications";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";

export const dynamic = "force-dynamic";

/** Outside development the page exists only when DEV_MAILBOX=1 (a demo or staging server). */
function mailboxEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.DEV_MAILBOX === "1";
}

/** Development mailbox: the e-mails written to .data/mailbox instead of being sent. Administrators only. */
export default async function DevMailboxPage() {
  if (!mailboxEnabled()) notFound();
  await requireActor("admin.mailbox");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("notifications.mailbox");
  const cfg = mailConfigFromEnv();
  const entries = await readMailbox(cfg.mailboxDir, { limit: 100 });
  return (
    <div>
      <PageTitle lead={t("lead", { dir: path.relative(process.cwd(), cfg.mailboxDir) || cfg.mailboxDir })}>{t("title")}</PageTitle>
      {cfg.smtpUrl ? (
        <div className="mb-4">
          <Alert tone="info">{t("smtpActive")}</Alert>
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {entries.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold" lang={m.language ?? undefined}>
                {m.subject}
              </h2>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium">{t("to")}</dt>
                <dd className="break-all">{m.to}</dd>
                <dt className="font-medium">{t("from")}</dt>
                <dd className="break-all">{m.from}</dd>
                <dt className="font-medium">{t("date")}</dt>
                <dd>
                  <time dateTime={m.date.toISOString()}>{formatDateTime(m.date, locale)}</time>
                </dd>
                <dt className="font-medium">{t("file")}</dt>
                <dd className="font-mono break-all">{m.eml}</dd>
              </dl>
              <pre lang={m.language ?? undefined} className="mt-3 overflow-x-auto rounded bg-slate-50 p-3 font-sans text-sm whitespace-pre-wrap break-words">
                {m.text}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
