"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { issueTestCertificateAction } from "@/app/[locale]/applicant/test-certificate/actions";
import { ZKeyStorePasswordInput, buildKeyStore, createCertificationRequest, generateRsaKeyPairInPlace } from "@/lib/trust/pki";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { errorCodeOf, nextPaint } from "@/components/signing/eds-client";

type Step = "generating" | "requesting" | "packaging";
type Issued = { serial: string; until: string; fileName: string; url: string };

/**
 * Self-service of the sandbox CA: the RSA key is generated here (WebCrypto), only a CSR is
 * sent, and the PKCS#12 is built here with the password, which never leaves the page.
 */
export function TestCertificateForm({ limitText }: { limitText: string }) {
  const t = useTranslations("testEds");
  const tc = useCodeTranslator();
  const [step, setStep] = useState<Step | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [attempt, setAttempt] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) (error ? errorRef : doneRef).current?.focus();
  }, [attempt, error]);
  useEffect(() => () => (issued ? URL.revokeObjectURL(issued.url) : undefined), [issued]);

  function fail(code: string) {
    setStep(null);
    setError(code);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    setError(null);
    setIssued(null);
    const parsed = ZKeyStorePasswordInput.safeParse({ password: value("password"), confirm: value("confirm") });
    if (!parsed.success) {
      const errs: { password?: string; confirm?: string } = {};
      for (const i of parsed.error.issues) {
        const key = i.path[0] === "confirm" ? "confirm" : "password";
        errs[key] ??= i.message;
      }
      setFieldErrors(errs);
      return;
    }
    setFieldErrors({});

    setStep("generating");
    await nextPaint();
    let keys: Awaited<ReturnType<typeof generateRsaKeyPairInPlace>>;
    let csr: string;
    try {
      keys = await generateRsaKeyPairInPlace();
      csr = createCertificationRequest(keys);
    } catch (err) {
      return fail(errorCodeOf(err));
    }

    setStep("requesting");
    const res = await issueTestCertificateAction(null, { csr });
    if (!res.ok) return fail(res.code);

    setStep("packaging");
    await nextPaint();
    try {
      const p12 = buildKeyStore({ privateKey: keys.privateKey, certificatePem: res.data.certificatePem, chainPem: res.data.chainPem, password: parsed.data.password, friendlyName: `signing-${res.data.serial}` });
      const fileName = `RSA256_${res.data.holderId}_${res.data.serial}.p12`;
      const url = URL.createObjectURL(new Blob([p12 as BlobPart], { type: "application/x-pkcs12" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.click();
      form.reset();
      setStep(null);
      setIssued({ serial: res.data.serial, until: res.data.validUntil, fileName, url });
      setAttempt((n) => n + 1);
    } catch (err) {
      fail(errorCodeOf(err));
    }
  }

  const busy = step !== null;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="issue-title" aria-busy={busy || undefined}>
      <h2 id="issue-title" className="text-xl font-semibold">
        {t("submit")}
      </h2>
      <p className="text-sm text-slate-700">{limitText}</p>
      {error ? (
        <div ref={errorRef} role="alert" tabIndex={-1} className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900 focus:outline-2 focus:outline-red-700">
          {tc(error)}
        </div>
      ) : null}
      <Field name="password" type="password" autoComplete="new-password" required label={t("password")} hint={t("passwordHint")} error={fieldErrors.password ? tc(fieldErrors.password) : undefined} disabled={busy} />
      <Field name="confirm" type="password" autoComplete="new-password" required label={t("confirm")} error={fieldErrors.confirm ? tc(fieldErrors.confirm) : undefined} disabled={busy} />
      <div>
        <Button type="submit" busy={busy}>
          {t("submit")}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="issue-progress" data-step={step ?? ""}>
        {step ? (
          <div className="flex flex-col gap-2">
            <p>{t(`steps.${step}`)}</p>
            <progress className="w-full" aria-label={t(`steps.${step}`)} />
          </div>
        ) : null}
      </div>
      {issued ? (
        <div ref={doneRef} tabIndex={-1} data-testid="issue-done" data-serial={issued.serial} className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 focus:outline-2 focus:outline-green-700">
          <p className="font-semibold">{t("done", { serial: issued.serial, until: issued.until, file: issued.fileName })}</p>
          <p>{t("useIt")}</p>
          <a href={issued.url} download={issued.fileName} className="mt-2 inline-block font-semibold text-brand-700 underline">
            {t("downloadAgain", { file: issued.fileName })}
          </a>
        </div>
      ) : null}
    </form>
  );
}
