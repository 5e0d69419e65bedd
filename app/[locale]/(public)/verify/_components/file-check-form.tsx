"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/components/i18n/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { checkFileAction, type TFileCheck } from "../file-check-action";

type Signature = TFileCheck["signatures"][number];

/** One signature of the checked file: verdict, signer, organisation, times, chain, revocation. */
function SignatureResult({ s, n }: { s: Signature; n: number }) {
  const t = useTranslations("verification");
  const tRoot = useTranslations();
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const ok = s.status === "valid" && s.coversWholeFile;
  return (
    <section aria-labelledby={`sig-${n}`} className={`rounded border-l-4 p-3 ${ok ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
      <h3 id={`sig-${n}`} className="font-semibold">
        {t("signatureN", { n })}: {tRoot.has(`pki.detail.${s.status}`) ? tRoot(`pki.detail.${s.status}`) : s.status}
      </h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-700">{t("signer")}</dt>
        <dd data-testid="signer">{s.signer ? `${s.signer.name}${s.signer.iin ? ` (${s.signer.iin})` : ""}` : "—"}</dd>
        <dt className="text-slate-700">{t("organisation")}</dt>
        <dd data-testid="organisation">{s.signer?.bin ? `${s.signer.organisation ?? ""} ${s.signer.bin}`.trim() : "—"}</dd>
        <dt className="text-slate-700">{t("signingTime")}</dt>
        <dd>{when(s.signingTime)}</dd>
        <dt className="text-slate-700">{t("timestamp")}</dt>
        <dd data-testid="timestamp">{s.timestamp ? t("timestampValue", { time: when(s.timestamp.time), authority: s.timestamp.authority }) : t("noTimestamp")}</dd>
        <dt className="text-slate-700">{t("judgedAt")}</dt>
        <dd>{when(s.judgedAt)}</dd>
        <dt className="text-slate-700">{t("chain")}</dt>
        <dd>{s.chain.length ? s.chain.join(" → ") : "—"}</dd>
        <dt className="text-slate-700">{t("revocationLabel")}</dt>
        <dd>{t(`revocation.${s.revocation}`, { date: s.revokedAt ? when(s.revokedAt) : "" })}</dd>
      </dl>
      <p className="mt-1 text-sm">{s.coversWholeFile ? t("coversWhole") : t("notWhole")}</p>
      <p className="text-sm">{s.registered ? t("registered") : t("notRegistered")}</p>
    </section>
  );
}

/**
 * Upload of a licence PDF or a signed package (optionally a document with its detached .p7s): the
 * verdict of every signature as at signing, and the comparison with the register.
 */
export function FileCheckForm() {
  const t = useTranslations("verification");
  const tRoot = useTranslations();
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(checkFileAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const r = state?.ok ? state.data : null;
  const reg = r?.register;

  return (
    <section aria-labelledby="file-check-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="file-check-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("lead")}</p>
      <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
        <Field name="file" id="check-file" type="file" accept=".pdf,.p7s,.p7m,.cms,application/pdf,application/pkcs7-mime" label={t("file")} hint={t("fileHint")} required error={tc(fe.file)} />
        <Field name="signature" id="check-signature" type="file" accept=".p7s,.cms,.sig,.txt,application/pkcs7-signature" label={t("signature")} hint={t("signatureHint")} error={tc(fe.signature)} />
        <div className="sm:col-span-2">
          <Button type="submit" variant="secondary" busy={pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="flex flex-col gap-3">
        {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{tc(state.code)}</Alert> : null}
        {r && reg ? (
          <>
            <Alert tone={r.valid && reg.matches ? "success" : "error"} title={r.signatures.length === 0 ? t("unsigned") : r.valid ? t("valid") : t("invalid")}>
              <ul className="mt-1 list-inside list-disc">
                <li>{reg.matches && reg.kind ? t("matchesRegister", { kind: t(`kind.${reg.kind}`) }) : t("notRegister")}</li>
                {reg.latestRevision === false && reg.revision ? <li>{t("newerRevision", { revision: reg.revision })}</li> : null}
                {reg.licence?.tacit ? <li>{t("deemed")}</li> : null}
                {reg.registrationNumber ? <li>{t("registrationNumber", { number: reg.registrationNumber })}</li> : null}
                {reg.licence ? (
                  <li>
                    {t("licenceStatus")}: {tRoot(`licences.status.${reg.licence.status}`)} ·{" "}
                    <Link href={`/verify/${reg.licence.number}`} className="font-semibold underline">
                      {t("openLicence", { number: reg.licence.number })}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </Alert>
            {r.signatures.map((s, i) => (
              <SignatureResult key={i} s={s} n={i + 1} />
            ))}
          </>
        ) : null}
      </div>
    </section>
  );
}
