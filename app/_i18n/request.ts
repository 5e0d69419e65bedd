import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, TIME_ZONE, isLocale, loadMessages } from "@/lib/platform/i18n";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: loadMessages(locale),
    formats: {
      dateTime: {
        short: { dateStyle: "medium", timeStyle: "short" },
        date: { dateStyle: "medium" },
      },
    },
  };
});
