"use client";

import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { type OpenedPkcs12, assertSigningKey, openPkcs12, signDetached } from "@/lib/trust/pki";
import { Button } from "@/components/ui/button";
import { FieldLabel } from "@/components/ui/field-parts";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { FailureMessage, useStepFailure } from "@/components/ui/use-step-failure";
import { base64ToBytes, bytesToBase64, errorCodeOf, fieldOf, nextPaint, readFileBytes } from "./eds-client";

export type SignWithEdsProps = {
  /** "request": the applicant signs the application; "decision": an officer signs a decision; "licence": the head signs a licence (decision + PDF). */
  purpose: "request" | "decision" | "licence" | "deemed" | "scans";
  /** Base64 of the exact bytes to sign, given by the server (e.g. canonicalRequestBytes). */
  contentBase64?: string;
  /** Fetches the bytes to sign (base64) at the moment of signing, when the page's copy may be stale. */
  loadContent?: () => Promise<string>;
  /**
   * Instead of signing `contentBase64`: signs with the opened key store however the caller needs
   * (e.g. fetch the document prepared for this certificate, then sign it); its result goes to `onSigned`.
   */
  produce?: (opened: OpenedPkcs12) => Promise<string>;
  /** Receives the detached CMS (base64 DER), or what `produce` returned; the server re-computes the bytes and verifies. */
  onSigned: (cmsBase64: string) => void | Promise<void>;
  disabled?: boolean;
};

type Step = "opening" | "signing" | "sending";

/**
 * Signs server-provided bytes with the signing key of a PKCS#12 key store, entirely in the
 * browser (node-forge): open → refuse a non-signing key → detached CMS with signingTime.
 * The key and the password never leave the page. Errors are the `pki.*` messages.
 */
export function SignWithEds({ purpose, contentBase64, loadContent, produce, onSigned, disabled }: SignWithEdsProps) {
  const t = useTranslations("eds.sign");
  const tc = useCodeTranslator();
  const id = useId();
  const ids = { file: `${id}-file`, password: `${id}-password`, error: `${id}-error`, hint: `${id}-hint`, title: `${id}-title`, keyStays: `${id}-stays` };
  const { step, setStep, error, setError, fail, errorRef } = useStepFailure<Step>();
  const [signedBy, setSignedBy] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorField = error ? fieldOf(error) : null;

  async function sign() {
    const file = fileRef.current?.files?.[0];
    const password = passwordRef.current?.value ?? "";
    setError(null);
    setSignedBy(null);
    if (!file) return fail("eds.errors.file_required");
    if (!password) return fail("eds.errors.password_required");
    setStep("opening");
    await nextPaint();
    let cms: string;
    let holder: string;
    try {
      const opened = openPkcs12(await readFileBytes(file), password);
      assertSigningKey(opened.info);
      setStep("signing");
      await nextPaint();
      cms = produce
        ? await produce(opened)
        : bytesToBase64(
            signDetached({
              key: opened.key,
              certificate: opened.certificate,
              chain: opened.chain,
              content: base64ToBytes((loadContent ? await loadContent() : contentBase64) ?? ""),
              signingTime: new Date(),
              purpose: "signing",
            }),
          );
      holder = opened.info.commonName ?? opened.info.subject;
    } catch (err) {
      const code = errorCodeOf(err);
      return fail(code === "pki.wrong_key_usage" ? "eds.sign.wrongKey" : code);
    }
    if (passwordRef.current) passwordRef.current.value = "";
    setStep("sending");
    setSignedBy(holder);
    try {
      await onSigned(cms);
      setStep(null);
    } catch (err) {
      setSignedBy(null);
      fail(errorCodeOf(err));
    }
  }

  const busy = step !== null;
  /** What the key store and password inputs share: id, required, locked while busy, tied to the error when it is theirs. */
  const keyInput = (field: "file" | "password", describedBy: string) => ({
    id: ids[field],
    required: true,
    disabled: disabled || busy,
    "aria-invalid": errorField === field || undefined,
    "aria-describedby": [describedBy, errorField === field ? ids.error : undefined].filter(Boolean).join(" "),
    className: "rounded border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700",
  });

  return (
    <section aria-labelledby={ids.title} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id={ids.title} className="text-lg font-semibold">
          {t(`${purpose}.title`)}
        </h2>
        <p id={ids.hint} className="mt-1 text-sm text-slate-700">
          {t(`${purpose}.hint`)}
        </p>
      </div>
      {error ? (
        <FailureMessage id={ids.error} errorRef={errorRef}>
          {tc(error)}
        </FailureMessage>
      ) : null}
      <div className="flex flex-col gap-1">
        <FieldLabel htmlFor={ids.file} required>
          {t("file")}
        </FieldLabel>
        <input ref={fileRef} type="file" accept=".p12,.pfx,application/x-pkcs12" {...keyInput("file", ids.hint)} />
      </div>
      <div className="flex flex-col gap-1">
        <FieldLabel htmlFor={ids.password} required>
          {t("password")}
        </FieldLabel>
        <input
          ref={passwordRef}
          type="password"
          autoComplete="off"
          {...keyInput("password", ids.keyStays)}
          onKeyDown={(e) => {
            // No <form> here (the component may sit inside the caller's form): Enter signs.
            if (e.key === "Enter") {
              e.preventDefault();
              if (!busy && !disabled) void sign();
            }
          }}
        />
        <p id={ids.keyStays} className="text-sm text-slate-600">
          {t("keyStays")}
        </p>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {step === "sending" && signedBy ? t("signedBy", { name: signedBy }) : step ? t(`progress.${step}`) : ""}
      </p>
      <Button type="button" onClick={() => void sign()} busy={busy} disabled={disabled}>
        {t(`${purpose}.submit`)}
      </Button>
    </section>
  );
}
