import type { ReactNode } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { NextIntlClientProvider, hasLocale } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/components/i18n/routing";
import { getActor } from "@/app/_server/session";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { ZodJitless } from "@/components/platform/zod-jitless";
import { getDb } from "@/app/_server/db";
import { countUnread } from "@/lib/integration/notifications";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  // Rendered per request, never prerendered: Next.js puts the request's CSP nonce (proxy.ts) on its
  // scripts only while rendering, and a prerendered page's scripts would carry none and be refused.
  await connection();
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [messages, actor, t] = await Promise.all([getMessages(), getActor(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <NextIntlClientProvider messages={messages}>
          <ZodJitless />
          <a href="#main" className="skip-link">
            {t("skipToContent")}
          </a>
          <SiteHeader actor={actor ? { name: actor.name, role: actor.role } : null} unread={actor ? await countUnread(getDb(), actor) : 0} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
