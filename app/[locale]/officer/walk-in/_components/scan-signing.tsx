"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { scanListToSignAction, signScansAction } from "@/app/[locale]/officer/walk-in/actions";
import { SignWithEds } from "@/components/signing/sign-with-eds";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

/** PSC: the operator certifies the scans with their EDS before the package goes to the provider [004 L645-648]. */
export function ScanSigning({ applicationId, contentBase64, signed }: { applicationId: string; contentBase64: string; signed: boolean }) {
  const t = useTranslations("intake.psc");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {signed ? <Alert tone="success">{t("scansSigned")}</Alert> : <p className="text-slate-700">{t("signLead")}</p>}
      {error ? <Alert tone="error">{tc(error)}</Alert> : null}
      <SignWithEds
        purpose="scans"
        contentBase64={contentBase64}
        loadContent={async () => {
          const res = await scanListToSignAction(null, { applicationId });
          if (!res.ok) throw new Error(res.code);
          return res.data.contentBase64;
        }}
        onSigned={async (cms) => {
          setError(null);
          const res = await signScansAction(null, { applicationId, cms });
          if (!res.ok) setError(res.code);
          else if (res.data.status !== "valid") setError(`pki.status.${res.data.status}`);
          router.refresh();
        }}
      />
    </div>
  );
}
