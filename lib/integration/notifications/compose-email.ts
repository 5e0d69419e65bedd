import { createTranslator } from "use-intl/core";
import { intlLocale, TIME_ZONE, type Locale, type Messages } from "@/lib/platform/i18n";
import type { MailMessage } from "./mailer";
import type { RenderedNotification } from "./render";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A rendered notification as an e-mail: the title is the subject; the body, the link and a footer follow. */
export function composeNotificationEmail(
  rendered: RenderedNotification,
  o: { to: string; locale: Locale; messages: Messages; baseUrl: string; date: Date; notificationId: string },
): MailMessage {
  const t = createTranslator({
    locale: intlLocale(o.locale),
    messages: o.messages as Record<string, never>,
    namespace: "notifications.email" as never,
    timeZone: TIME_ZONE,
    onError: (e) => {
      throw e;
    },
  });
  const link = `${o.baseUrl.replace(/\/+$/, "")}${rendered.url}`;
  const all = `${o.baseUrl.replace(/\/+$/, "")}/${o.locale}/notifications`;
  const open = t("open" as never);
  const footer = t("footer" as never);
  const manage = t("manage" as never);
  const text = [rendered.body, "", `${open}: ${link}`, "", "—", footer, `${manage}: ${all}`, ""].join("\n");
  const paragraphs = rendered.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const html = [
    `<!doctype html><html lang="${o.locale}"><head><meta charset="utf-8"><title>${escapeHtml(rendered.title)}</title></head>`,
    `<body style="font-family: 'Noto Sans', Arial, sans-serif; color: #0f172a; line-height: 1.5">`,
    `<h1 style="font-size: 20px">${escapeHtml(rendered.title)}</h1>`,
    paragraphs,
    `<p><a href="${escapeHtml(link)}" style="color: #005f73; font-weight: bold">${escapeHtml(open)}</a></p>`,
    `<hr><p style="font-size: 13px; color: #475569">${escapeHtml(footer)}<br><a href="${escapeHtml(all)}" style="color: #005f73">${escapeHtml(manage)}</a></p>`,
    `</body></html>`,
  ].join("\n");
  return {
    to: o.to,
    subject: rendered.title,
    text,
    html,
    date: o.date,
    language: o.locale,
    headers: { "X-Notification-Id": o.notificationId },
  };
}
