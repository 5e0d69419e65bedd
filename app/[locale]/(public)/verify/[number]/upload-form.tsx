"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/components/i18n/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { verifyUploadAction } from "./upload-action";

/** Upload of a signed document and its .p7s; the verdict and the comparison with the register. */
export function UploadForm() {
  const t = useTranslations("licences.verify.upload");
  const tRoot = useTranslations();
  const tc = useCodeTranslator();
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(verifyUploadAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const r = state?.ok ? state.data : null;

  return (
    <section aria-labelledby="upload-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="upload-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("lead")}</p>
      <form action={formAction} className="grid gap-4 sm:grid-cols-3" noValidate>
        <Field name="number" id="upload-number" label={t("number")} required autoComplete="off" spellCheck={false} maxLength={60} error={tc(fe.number)} />
        <Field name="document" id="upload-document" type="file" label={t("document")} hint={t("documentHint")} required error={tc(fe.document)} />
        <Field name="signature" id="upload-signature" type="file" accept=".p7s,.cms,.sig,.txt,application/pkcs7-signature" label={t("signature")} hint={t("signatureHint")} required error={tc(fe.signature)} />
        <div className="sm:col-span-3">
          <Button type="submit" variant="secondary" busy={pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{tc(state.code)}</Alert> : null}
        {r?.outcome === "licence_not_found" ? <Alert tone="error">{t("licenceNotFound")}</Alert> : null}
        {r?.outcome === "no_signature" ? <Alert>{t("noSignature")}</Alert> : null}
        {r?.outcome === "checked" ? (
          <Alert tone={r.status === "valid" && r.sameAsRegistered && r.documentMatchesRegister ? "success" : "error"} title={r.status === "valid" ? t("valid") : t("invalid")}>
            <ul className="mt-1 list-inside list-disc">
              <li>{tRoot.has(`pki.detail.${r.status}`) ? tRoot(`pki.detail.${r.status}`) : r.status}</li>
              <li>{r.sameAsRegistered ? t("sameAsRegistered", { number: r.number }) : t("notRegistered", { number: r.number })}</li>
              <li>{r.documentMatchesRegister ? t("documentMatches") : t("documentDiffers")}</li>
              {r.signerName ? (
                <li>
                  {t("signer")}: {r.signerName}
                </li>
              ) : null}
              {r.signingTime ? (
                <li>
                  {t("signingTime")}: {format.dateTime(new Date(r.signingTime), { dateStyle: "medium", timeStyle: "short" })}
                </li>
              ) : null}
              <li>
                {t("licenceStatus")}: {tRoot(`licences.status.${r.licenceStatus}`)}
              </li>
            </ul>
            <Link href={`/verify/${r.number}`} className="mt-2 inline-block font-semibold underline">
              {t("openLicence", { number: r.number })}
            </Link>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
