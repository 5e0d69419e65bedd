"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/components/i18n/navigation";
import { assertAuthenticationKey, openPkcs12, signDetached } from "@/lib/trust/pki";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { FailureMessage, useStepFailure } from "@/components/ui/use-step-failure";
import { base64ToBytes, bytesToBase64, errorCodeOf, fieldOf, nextPaint, readFileBytes } from "@/components/signing/eds-client";

type Step = "opening" | "challenge" | "signing" | "sending";

/**
 * EDS sign-in as on egov.kz: the authentication key store (.p12) is opened in the browser with
 * node-forge; a wrong password, a file that is not a key store, or the signing key are reported
 * before anything is sent. Then a one-time challenge is signed and sent to the "eds" provider.
 */
/** `demo`: link the demo key stores (only in demo mode, where they are published). */
export function EdsSignIn({ demo }: { demo: boolean }) {
  const t = useTranslations("eds.signIn");
  const tc = useCodeTranslator();
  const router = useRouter();
  const { step, setStep, error, setError, fail, errorRef } = useStepFailure<Step>();
  const errorField = error ? fieldOf(error) : null;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem("eds-file") as HTMLInputElement).files?.[0];
    const password = (form.elements.namedItem("eds-password") as HTMLInputElement).value;
    setError(null);
    if (!file) return fail("eds.errors.file_required");
    if (!password) return fail("eds.errors.password_required");

    // 1. Open the key store and check the key purpose: nothing has been sent yet.
    setStep("opening");
    await nextPaint();
    let opened: ReturnType<typeof openPkcs12>;
    try {
      opened = openPkcs12(await readFileBytes(file), password);
      assertAuthenticationKey(opened.info);
    } catch (err) {
      const code = errorCodeOf(err);
      return fail(code === "pki.wrong_key_usage" ? "eds.signIn.wrongKey" : code);
    }

    // 2. One-time challenge from the portal.
    setStep("challenge");
    let challenge: { challengeId: string; challenge: string };
    try {
      const res = await fetch("/api/auth/eds-challenge", { method: "POST", cache: "no-store" });
      if (!res.ok) return fail("eds.errors.challenge_unavailable");
      challenge = (await res.json()) as typeof challenge;
    } catch {
      return fail("eds.errors.challenge_unavailable");
    }

    // 3. Sign it with the authentication key (detached CMS), in the browser.
    setStep("signing");
    await nextPaint();
    let cms: string;
    try {
      cms = bytesToBase64(
        signDetached({
          key: opened.key,
          certificate: opened.certificate,
          chain: opened.chain,
          content: base64ToBytes(challenge.challenge),
          signingTime: new Date(),
          purpose: "authentication",
        }),
      );
    } catch (err) {
      return fail(errorCodeOf(err));
    }

    // 4. The portal verifies the signature, the certificate and its revocation status.
    setStep("sending");
    const res = await signIn("eds", { redirect: false, challengeId: challenge.challengeId, cms });
    if (!res || res.error) return fail(res?.error && res.error !== "CredentialsSignin" ? res.error : "eds.errors.sign_in_refused");
    router.replace("/me");
    router.refresh();
  }

  const busy = step !== null;
  const describedBy = (field: "file" | "password", hint?: string) =>
    [hint, errorField === field ? "eds-error" : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate aria-labelledby="eds-title">
      <div>
        <h2 id="eds-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("lead")}</p>
      </div>
      {error ? (
        <FailureMessage id="eds-error" errorRef={errorRef}>
          {tc(error)}
        </FailureMessage>
      ) : null}
      <Field
        id="eds-file"
        name="eds-file"
        type="file"
        accept=".p12,.pfx,application/x-pkcs12"
        required
        label={t("file")}
        hint={t("fileHint")}
        aria-invalid={errorField === "file" || undefined}
        aria-describedby={describedBy("file", "eds-file-hint")}
      />
      <Field
        id="eds-password"
        name="eds-password"
        type="password"
        autoComplete="off"
        required
        label={t("password")}
        aria-invalid={errorField === "password" || undefined}
        aria-describedby={describedBy("password")}
      />
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {step ? t(`progress.${step}`) : ""}
      </p>
      <Button type="submit" busy={busy}>
        {t("submit")}
      </Button>
      {demo && (
        <p className="text-sm">
          <Link href="/demo-certificates" className="text-brand-700 underline">
            {t("demoLink")}
          </Link>
        </p>
      )}
    </form>
  );
}
