"use client";

import { useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { submitApplicationAction } from "@/app/[locale]/applicant/applications/[id]/actions";
import { SignWithEds } from "@/components/signing/sign-with-eds";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts (plain-HTTP intranet installs). */
function newAttemptKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Props = { applicationId: string; contentBase64: string; ready: boolean };

/** Process 6–9: sign the exact request bytes with the EDS, then submit; shows the regulation's refusal on a bad signature. */
export function SubmitPanel({ applicationId, contentBase64, ready }: Props) {
  const t = useTranslations("applications.submit");
  const tc = useCodeTranslator();
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ registrationNumber: string; dueAt: string } | null>(null);
  // One Idempotency-Key per attempt: kept while no answer came back (double click, lost answer),
  // renewed once an answer arrived, so that a new signature after a refusal is a new attempt.
  const attemptKey = useRef<string | null>(null);

  if (done) {
    return (
      // The notification-report: the number and the instant the result will be ready.
      <Alert tone="success" title={t("submittedTitle", { number: done.registrationNumber })}>
        <p>{t("readyBy", { at: new Intl.DateTimeFormat(locale, { timeZone: "Asia/Almaty", dateStyle: "long", timeStyle: "short" }).format(new Date(done.dueAt)) })}</p>
        <button type="button" className="mt-2 font-semibold text-brand-700 underline" onClick={() => router.refresh()}>
          {t("openStatus")}
        </button>
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{tc(error)}</Alert> : null}
      <SignWithEds
        purpose="request"
        contentBase64={contentBase64}
        disabled={!ready}
        onSigned={async (cms) => {
          setError(null);
          attemptKey.current ??= newAttemptKey();
          const res = await submitApplicationAction(null, { applicationId, cms, idempotencyKey: attemptKey.current });
          attemptKey.current = null;
          if (!res.ok) return setError(res.code);
          if (!res.data.ok) return setError(`pki.status.${res.data.status}`);
          setDone({ registrationNumber: res.data.registrationNumber, dueAt: res.data.dueAt });
          // The confirmation page: the application's own page (no longer a draft) with the reference panel.
          router.replace(`/applicant/applications/${applicationId}?submitted=1`);
          router.refresh();
        }}
      />
    </div>
  );
}
