"use client";

import { useActionState, useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { RegistryLookupResult, TRegistryEntity } from "@/lib/integration/registries";
import { lookupLegalEntityAction } from "@/app/[locale]/officer/registry/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { ActionForm } from "@/components/ui/action-form";
import { SummaryList } from "@/components/ui/summary-list";

type Props = {
  /** Called once per lookup that returns an active legal entity (the walk-in intake pre-fills from it). */
  onFound?: (entity: TRegistryEntity) => void;
  defaultBin?: string;
  /** Prefix for element ids when the component appears more than once on a page. */
  idPrefix?: string;
};

const INTL: Record<string, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };

/** A calendar date (YYYY-MM-DD) in the reader's language; no time zone shift for a date-only value. */
function formatIsoDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(INTL[locale] ?? locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

function EntityCard({ entity, titleId }: { entity: TRegistryEntity; titleId: string }) {
  const t = useTranslations("registries");
  const locale = useLocale();
  const rows: [string, string][] = [
    [t("entity.bin"), entity.bin],
    [t("entity.legalAddress"), entity.legalAddress],
    [t("entity.headName"), entity.headName],
    [t("entity.headIin"), entity.headIin],
    [t("entity.registeredAt"), formatIsoDate(entity.registeredAt, locale)],
    [t("entity.status"), t(`entity.statuses.${entity.status}`)],
  ];
  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-green-700 bg-white p-4 shadow-sm">
      <p className="text-sm font-semibold text-green-800">{t("lookup.found")}</p>
      <h2 id={titleId} className="mt-1 text-xl font-bold text-slate-900">
        {entity.name}
      </h2>
      <SummaryList className="mt-3" rows={rows.map(([label, value]) => ({ label, value }))} />
    </section>
  );
}

/**
 * BIN → the "Legal entities" database answer: the entity card, or the regulation's
 * "data cannot be obtained" message for an unknown or liquidated entity.
 * Renders its own <form>: place it outside any other form.
 */
export function RegistryLookup({ onFound, defaultBin, idPrefix = "registry" }: Props) {
  const t = useTranslations("registries");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(lookupLegalEntityAction, null);
  const reported = useRef<unknown>(null);
  const result: RegistryLookupResult | null = state?.ok ? state.data : null;
  const binError = state && !state.ok ? state.fieldErrors?.bin : undefined;
  const generalError = state && !state.ok && !binError ? state.code : undefined;

  useEffect(() => {
    if (result?.status === "found" && reported.current !== result) {
      reported.current = result;
      onFound?.(result.entity);
    }
  }, [result, onFound]);

  return (
    <div className="flex flex-col gap-4">
      {/* Submitted by hand (not `action=`) so that React does not reset the field after each lookup. */}
      <ActionForm onData={(fd) => formAction(fd)} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <Field
          id={`${idPrefix}-bin`}
          name="bin"
          label={t("lookup.bin")}
          hint={t("lookup.binHint")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          pattern="\d{12}"
          required
          defaultValue={defaultBin}
          error={binError ? tc(binError) : undefined}
          className="min-w-56"
        />
        <Button type="submit" busy={pending}>
          {t("lookup.submit")}
        </Button>
      </ActionForm>
      {/* Kept in the page from the start so that screen readers announce a new result. */}
      <div role="status">{result?.status === "found" ? <EntityCard entity={result.entity} titleId={`${idPrefix}-result`} /> : null}</div>
      <div>
        {generalError ? <Alert tone="error">{tc(generalError)}</Alert> : null}
        {result?.status === "not_found" ? <Alert tone="error">{tc("registries.data_unavailable")}</Alert> : null}
        {result?.status === "liquidated" ? (
          <Alert tone="error" title={tc("registries.data_unavailable")}>
            <p>{t("lookup.liquidated")}</p>
            <p className="mt-1">
              {result.entity.name} · <span className="font-mono">{result.entity.bin}</span>
            </p>
          </Alert>
        ) : null}
        {result?.status === "unavailable" ? <Alert tone="error">{tc("registries.registry_unavailable")}</Alert> : null}
      </div>
    </div>
  );
}
