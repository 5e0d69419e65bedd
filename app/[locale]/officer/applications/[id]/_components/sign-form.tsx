"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "@/components/i18n/navigation";
import type { ActionResult } from "@/app/_server/action";
import { SignWithEds } from "@/components/signing/sign-with-eds";
import { Alert } from "@/components/ui/alert";
import { signDecisionAction } from "../actions";
import { ActionFeedback } from "./action-feedback";
import type { ActionTarget } from "./types";

const STALE = new Set(["workflow.stale_state", "errors.conflict"]);

/**
 * The head signs the drafted decision (its summary is rendered above by the page) with EDS: the
 * signing component signs the server's bytes in the browser; the server action verifies the CMS
 * over the same bytes (`verifyAndRecordDecisionSignature`) and passes the Signature id to
 * `sign_decision` as `signatureRef`. Refusals of the server come back into the component's own
 * error message; a stale page gets the reload message.
 */
export function SignForm({ target, contentBase64 }: { target: ActionTarget; contentBase64: string | null }) {
  const t = useTranslations("officer.actions.sign");
  const router = useRouter();
  const pathname = usePathname();
  const [stale, setStale] = useState<ActionResult<unknown> | null>(null);
  return (
    <div className="flex flex-col gap-3" aria-labelledby="action-sign" role="group">
      <h3 id="action-sign" className="text-lg font-semibold">
        {t("title")}
      </h3>
      <p className="text-slate-700">{t("text")}</p>
      <ActionFeedback state={stale} />
      {contentBase64 ? (
        <SignWithEds
          purpose="decision"
          contentBase64={contentBase64}
          disabled={stale !== null}
          onSigned={async (cmsBase64) => {
            const result = await signDecisionAction(null, { ...target, cmsBase64 });
            if (result.ok) {
              router.replace({ pathname, query: { done: "sign_decision", v: String(result.data.version) } }, { scroll: true });
              return;
            }
            if (STALE.has(result.code)) {
              setStale(result);
              return;
            }
            // Shown (translated) by the signing component, next to the key store fields.
            throw new Error(result.code === "validation.failed" ? (Object.values(result.fieldErrors ?? {})[0] ?? result.code) : result.code);
          }}
        />
      ) : (
        <Alert tone="error">{t("nothingToSign")}</Alert>
      )}
    </div>
  );
}
