"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <div role="alert" className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-slate-700">{t("lead")}</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-slate-600">
          {t("eventId")}: <code>{error.digest}</code>
        </p>
      ) : null}
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
