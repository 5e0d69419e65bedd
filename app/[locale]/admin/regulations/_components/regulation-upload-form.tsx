"use client";

import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/components/i18n/navigation";
import { activateRegulationFileAction } from "@/app/[locale]/admin/regulations/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { DataTable } from "@/components/ui/table";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { messageOrText } from "@/components/admin/format";

const MAX_BYTES = 1024 * 1024;

type UploadResult = Awaited<ReturnType<typeof activateRegulationFileAction>>;

/**
 * A request the server refuses before the action runs (e.g. its request-body limit) would throw
 * into the error page; report it as a form error instead, keeping the page.
 */
async function uploadSafely(prev: UploadResult | null, fd: FormData): Promise<UploadResult> {
  try {
    return await activateRegulationFileAction(prev, fd);
  } catch {
    return { ok: false, code: "admin.regulations.upload_failed" };
  }
}

/**
 * Upload of a regulation file: checked here for size and type first (so a large file is not sent),
 * then validated on the server; every field error is listed with its path.
 */
export function RegulationUploadForm() {
  const t = useTranslations("admin.regulations");
  const tAll = useTranslations();
  const tc = useCodeTranslator();
  const uid = useId();
  const [state, formAction, pending] = useActionState(uploadSafely, null);
  const [clientError, setClientError] = useState<string | null>(null);
  const inputId = `${uid}-file`;
  const errors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}).filter(([path]) => path !== "file") : [];
  const fileError = clientError ?? (state && !state.ok && state.fieldErrors?.file ? messageOrText(tAll, state.fieldErrors.file) : null);

  return (
    <ActionForm
      onData={(fd) => {
        const file = fd.get("file");
        if (!(file instanceof File) || file.size === 0) return setClientError(tc("validation.required"));
        if (file.size > MAX_BYTES) return setClientError(t("file_too_large"));
        if (!/\.json$/i.test(file.name)) return setClientError(t("file_not_json"));
        setClientError(null);
        formAction(fd);
      }}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <Field
        id={inputId}
        name="file"
        type="file"
        label={t("file")}
        hint={t("fileHint")}
        error={fileError ?? undefined}
        accept=".json,application/json"
        required
        onChange={() => setClientError(null)}
      />
      <div>
        <Button type="submit" busy={pending}>
          {t("upload")}
        </Button>
      </div>

      {state && !state.ok && !clientError ? (
        <Alert tone="error" title={tc(state.code)}>
          {errors.length > 0 ? (
            <DataTable
              className="mt-2"
              caption={t("errorsTitle")}
              rows={errors}
              rowKey={([path]) => path}
              columns={[
                { key: "path", header: t("errorPath"), className: "font-mono break-all", cell: ([path]) => path },
                { key: "message", header: t("errorMessage"), cell: ([, message]) => messageOrText(tAll, message) },
              ]}
            />
          ) : null}
        </Alert>
      ) : null}

      {state?.ok ? (
        <Alert tone="success" title={state.data.created.length ? t("activated", { count: state.data.created.length }) : t("nothingNew")}>
          <ul className="mt-1 list-disc pl-5">
            {state.data.created.map((v) => (
              <li key={v.id}>
                <Link href={`/admin/regulations/${v.id}`} className="font-semibold underline underline-offset-4">
                  {v.regulationId} v{v.version}
                </Link>
              </li>
            ))}
            {state.data.unchanged.map((v) => (
              <li key={v.id}>{t("unchangedItem", { id: v.regulationId, version: v.version })}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </ActionForm>
  );
}
