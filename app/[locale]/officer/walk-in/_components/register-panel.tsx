"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { registerWalkInAction } from "@/app/[locale]/officer/walk-in/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

/** Step (e): register the paper application (process 7) and open the printable receipt. */
export function RegisterPanel({ applicationId, ready }: { applicationId: string; ready: boolean }) {
  const t = useTranslations("intake.register");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{tc(error)}</Alert> : null}
      <div>
        <Button
          type="button"
          busy={busy}
          disabled={!ready}
          onClick={async () => {
            setBusy(true);
            setError(null);
            const res = await registerWalkInAction(null, { applicationId });
            if (!res.ok) {
              setBusy(false);
              setError(res.code);
              router.refresh();
              return;
            }
            router.push(`/officer/walk-in/${res.data.id}/receipt`);
          }}
        >
          {t("submit")}
        </Button>
      </div>
    </div>
  );
}
