import { createTranslator } from "use-intl/core";
import { getService } from "@/lib/law/catalogue";
import { intlLocale, TIME_ZONE, type Locale, type Messages } from "@/lib/platform/i18n";
import { isNotificationKind, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

export type RenderedNotification = {
  title: string;
  body: string;
  /** Link target with the locale prefix, e.g. "/kk/applicant/applications/…". */
  url: string;
  /** The same target without the locale (for next-intl's Link). */
  path: string;
};

export type RenderOptions = {
  /** Fills `{applicationId}` in the link target. */
  applicationId?: string | null;
  /**
   * true (default): a missing message, parameter or malformed ICU text throws — what tests want.
   * false: falls back to the key and never throws — what a page listing old rows wants.
   */
  strict?: boolean;
};

/** ICU formats usable in the catalogues: `{readyBy, date, at}`, `{validTo, date, day}`, `{amountKzt, number, kzt}`. */
export const NOTIFICATION_FORMATS = {
  dateTime: {
    at: { dateStyle: "medium", timeStyle: "short" },
    day: { dateStyle: "long" },
  },
  number: {
    kzt: { style: "currency", currency: "KZT", currencyDisplay: "narrowSymbol", maximumFractionDigits: 0 },
  },
} as const;

function translator(locale: Locale, messages: Messages, strict: boolean) {
  return createTranslator({
    // The regional variant keeps dates in line with formatDateTime (en-GB, not en-US).
    locale: intlLocale(locale),
    messages: messages as Record<string, never>,
    timeZone: TIME_ZONE,
    formats: NOTIFICATION_FORMATS,
    onError: strict
      ? (e) => {
          throw e;
        }
      : () => undefined,
    getMessageFallback: ({ key, namespace }) => (namespace ? `${namespace}.${key}` : key),
  });
}

type Translate = ReturnType<typeof translator>;

/** Turns stored params into ICU values: Dates for instants, names for services and steps. */
function icuValues(kind: NotificationKind, params: Record<string, unknown>, locale: Locale, t: Translate): Record<string, string | number | Date> {
  const out: Record<string, string | number | Date> = {};
  for (const [name, spec] of Object.entries(NOTIFICATION_KINDS[kind].params)) {
    const v = params[name];
    if (v === undefined || v === null) continue;
    if (spec === "instant") out[name] = new Date(String(v));
    else if (spec === "money") out[name] = Number(v);
    else if (spec === "service") out[name] = getService(String(v))?.shortTitle[locale] ?? String(v);
    else if (spec === "step") {
      const key = `notifications.steps.${String(v)}`;
      out[name] = t.has(key as never) ? t(key as never) : String(v);
    } else out[name] = String(v);
  }
  return out;
}

function linkPath(pattern: string, params: Record<string, unknown>, applicationId: string | null | undefined, fallback: string): string {
  let missing = false;
  const path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = name === "applicationId" ? applicationId : params[name];
    if (typeof v !== "string" || v === "") {
      missing = true;
      return "";
    }
    return encodeURIComponent(v);
  });
  return missing ? fallback : path;
}

function homeOf(kind: NotificationKind): string {
  return NOTIFICATION_KINDS[kind].audience === "applicant" ? "/applicant" : "/officer";
}

/**
 * Renders one notification in `locale` from the ICU catalogue (`messages` = all namespaces, as
 * loadMessages returns them). Instants are shown in Almaty time.
 */
export function renderNotification(
  kind: NotificationKind,
  params: Record<string, unknown>,
  locale: Locale,
  messages: Messages,
  options: RenderOptions = {},
): RenderedNotification {
  const strict = options.strict ?? true;
  const t = translator(locale, messages, strict);
  const values = icuValues(kind, params, locale, t);
  const title = t(`notifications.kinds.${kind}.title` as never, values as never);
  const body = t(`notifications.kinds.${kind}.body` as never, values as never);
  const path = linkPath(NOTIFICATION_KINDS[kind].link, params, options.applicationId, homeOf(kind));
  return { title, body, path, url: `/${locale}${path}` };
}

/** A stored row as far as rendering is concerned. */
export type StoredNotification = { kind: string; messageKey: string; params: unknown; applicationId: string | null };

/**
 * Renders a stored row without ever throwing: known kinds as above; a row written under an unknown
 * kind (older code, another module) through its `messageKey` with a generic title.
 */
export function renderStoredNotification(row: StoredNotification, locale: Locale, messages: Messages): RenderedNotification {
  const params = row.params && typeof row.params === "object" && !Array.isArray(row.params) ? (row.params as Record<string, unknown>) : {};
  if (isNotificationKind(row.kind)) {
    try {
      return renderNotification(row.kind, params, locale, messages, { applicationId: row.applicationId, strict: false });
    } catch {
      // fall through to the generic rendering
    }
  }
  const t = translator(locale, messages, false);
  const plain = Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === "string" || typeof v === "number")) as Record<string, string | number>;
  let body = "";
  try {
    body = t.has(row.messageKey as never) ? t(row.messageKey as never, plain as never) : "";
  } catch {
    body = "";
  }
  return { title: t("notifications.unknown.title" as never), body, path: "/notifications", url: `/${locale}/notifications` };
}
