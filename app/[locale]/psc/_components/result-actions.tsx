"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { handOverAtPscAction, returnToProviderAction } from "@/app/[locale]/psc/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

/** Hand the result over at the window (recipient's name), or return it to the provider after the keeping period. */
export function ResultActions({ applicationId, label, mayReturn }: { applicationId: string; label: string; mayReturn: boolean }) {
  const t = useTranslations("psc.queue");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [given, give, giving] = useActionState(handOverAtPscAction, null);
  const [returned, giveBack, returning] = useActionState(returnToProviderAction, null);
  useEffect(() => {
    if (given?.ok || returned?.ok) router.refresh();
  }, [given, returned, router]);
  const fieldError = given && !given.ok ? given.fieldErrors?.recipientName : undefined;
  return (
    <div className="flex flex-col gap-2">
      <form action={give} className="flex flex-wrap items-end gap-2" aria-label={t("handOverFor", { name: label })}>
        <input type="hidden" name="applicationId" value={applicationId} />
        <Field id={`r-${applicationId}`} name="recipientName" label={t("recipientName")} maxLength={300} required error={fieldError ? tc(fieldError) : undefined} />
        <Button type="submit" busy={giving}>
          {t("handOver")}
        </Button>
      </form>
      {given && !given.ok && !fieldError ? <Alert tone="error">{tc(given.code)}</Alert> : null}
      {mayReturn ? (
        <form action={giveBack}>
          <input type="hidden" name="applicationId" value={applicationId} />
          <Button type="submit" variant="secondary" busy={returning}>
            {t("returnToProvider")}
          </Button>
        </form>
      ) : null}
      {returned && !returned.ok ? <Alert tone="error">{tc(returned.code)}</Alert> : null}
    </div>
  );
}
