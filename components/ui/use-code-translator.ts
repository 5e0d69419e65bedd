"use client";

import { useTranslations } from "next-intl";

/** Turns an error code from the server ("auth.invalid_credentials") into text; unknown codes fall back. */
export function useCodeTranslator() {
  const t = useTranslations();
  return (code: string | undefined | null): string => {
    if (!code) return "";
    return t.has(code) ? t(code) : t("errors.unexpected");
  };
}
