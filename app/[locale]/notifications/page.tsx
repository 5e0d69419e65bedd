import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale, type Messages } from "@/lib/platform/i18n";
import { countUnread, listMyNotifications, renderStoredNotification, ZNotificationsQuery } from "@/lib/integration/notifications";
import { PageTitle } from "@/components/ui/page-title";
import { MarkReadForm } from "@/app/[locale]/notifications/_components/mark-read-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "My notifications": for every signed-in user, only their own, newest first. */
export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireActor("account.self");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("notifications.page");
  const parsed = ZNotificationsQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const db = getDb();
  const [{ rows, next }, unread, messages] = await Promise.all([listMyNotifications(db, actor, query), countUnread(db, actor), getMessages()]);

  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="font-medium">{t("unreadCount", { count: unread })}</p>
        {unread > 0 ? <MarkReadForm label={t("markAllRead")} doneText={t("markedAllRead")} /> : null}
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((row) => {
            const n = renderStoredNotification(row, locale, messages as Messages);
            const isUnread = row.readAt === null;
            const titleId = `n-${row.id}`;
            return (
              <li key={row.id} className={`rounded-lg border bg-white p-4 ${isUnread ? "border-l-4 border-brand-700" : "border-slate-200"}`}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 id={titleId} className="text-lg font-semibold text-slate-900">
                    {isUnread ? <span className="mr-2 inline-block rounded bg-brand-700 px-2 py-0.5 align-middle text-xs font-semibold text-white">{t("unread")}</span> : null}
                    {n.title}
                  </h2>
                  <time dateTime={row.createdAt.toISOString()} className="shrink-0 text-sm text-slate-700">
                    {formatDateTime(row.createdAt, locale)}
                  </time>
                </div>
                {n.body ? <p className="mt-2 whitespace-pre-line text-slate-800">{n.body}</p> : null}
                <div className="mt-3 flex flex-wrap items-center gap-4">
                  <Link href={n.path} aria-describedby={titleId} className="font-semibold text-brand-700 underline underline-offset-4">
                    {t("open")}
                  </Link>
                  {isUnread ? <MarkReadForm id={row.id} label={t("markRead")} describedBy={titleId} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-4 flex flex-wrap gap-6">
        {query.after ? (
          <Link href="/notifications" className="font-semibold text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : null}
        {next ? (
          <Link href={{ pathname: "/notifications", query: { after: next } }} className="font-semibold text-brand-700 underline">
            {t("older")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
