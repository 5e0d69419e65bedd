import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";

/**
 * Header entry to "My notifications": a bell with the unread count. The visible number is hidden
 * from assistive technology; the link's name says it in words ("3 unread notifications").
 */
export async function UnreadBadge({ count }: { count: number }) {
  const t = await getTranslations("notifications.badge");
  const shown = count > 99 ? "99+" : String(count);
  return (
    <Link href="/notifications" className="relative inline-flex items-center rounded p-1.5 hover:bg-brand-600">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      <span className="sr-only">{t("label", { count })}</span>
      {count > 0 ? (
        <span aria-hidden="true" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-gold-400 px-1 text-center text-xs leading-5 font-bold text-brand-800">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
