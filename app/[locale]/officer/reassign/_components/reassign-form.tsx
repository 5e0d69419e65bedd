"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { DataTable } from "@/components/ui/table";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { reassignAction } from "../actions";
import { useRefreshOnSuccess } from "@/components/ui/use-refresh-on-success";

export type ReassignRow = { id: string; version: number; number: string; applicant: string; service: string; step: string; due: string };
export type ExecutorOption = { id: string; label: string };

/** Choose applications of one executor and the executor to move them to. */
export function ReassignForm({ fromUserId, rows, targets }: { fromUserId: string; rows: ReassignRow[]; targets: ExecutorOption[] }) {
  const t = useTranslations("officer.reassign");
  const tc = useCodeTranslator();
  const [state, dispatch, pending] = useActionState(reassignAction, null);
  const [picked, setSelected] = useState<string[]>([]);
  // Moved applications leave the list on refresh, and with it the selection.
  const selected = picked.filter((id) => rows.some((r) => r.id === id));
  const [toUserId, setTo] = useState("");
  useRefreshOnSuccess(state);
  const results = state?.ok ? state.data : null;
  const moved = results?.filter((r) => r.ok).length ?? 0;
  const failed = results?.filter((r) => !r.ok) ?? [];
  const allOn = rows.length > 0 && selected.length === rows.length;
  const toError = state && !state.ok ? state.fieldErrors?.toUserId : undefined;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const applications = rows.filter((r) => selected.includes(r.id)).map((r) => ({ id: r.id, version: r.version }));
        startTransition(() => dispatch({ fromUserId, toUserId, applications }));
      }}
      className="flex flex-col gap-4"
      noValidate
    >
      <div role="status">
        {results ? (
          <Alert tone={failed.length ? "error" : "success"}>
            <p>{t("moved", { count: moved })}</p>
            {failed.length ? (
              <ul className="mt-1 list-disc pl-5">
                {failed.map((f) => (
                  <li key={f.id}>{t("notMoved", { reason: tc(f.ok ? "" : f.code) })}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}

      <DataTable
        caption={t("tableCaption", { count: rows.length })}
        showCaption
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            key: "select",
            header: (
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={allOn} onChange={(e) => setSelected(e.target.checked ? rows.map((r) => r.id) : [])} className="h-4 w-4" />
                <span>{t("selectAll")}</span>
              </label>
            ),
            cell: (r) => (
              <input
                type="checkbox"
                id={`ra-${r.id}`}
                checked={selected.includes(r.id)}
                onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))}
                className="h-4 w-4"
                aria-label={t("selectOne", { number: r.number })}
              />
            ),
          },
          { key: "number", header: t("columns.number"), rowHeader: true, className: "font-mono font-medium", cell: (r) => r.number },
          { key: "applicant", header: t("columns.applicant"), cell: (r) => r.applicant },
          { key: "service", header: t("columns.service"), cell: (r) => r.service },
          { key: "step", header: t("columns.step"), cell: (r) => r.step },
          { key: "due", header: t("columns.due"), className: "whitespace-nowrap", cell: (r) => r.due },
        ]}
      />

      <SelectField
        id="ra-to"
        name="toUserId"
        label={t("to")}
        placeholder={t("chooseExecutor")}
        value={toUserId}
        onChange={(e) => setTo(e.target.value)}
        options={targets.map((o) => ({ value: o.id, label: o.label }))}
        error={toError ? tc(toError) : undefined}
        className="sm:max-w-md"
      />
      <div>
        <Button type="submit" busy={pending} disabled={selected.length === 0 || !toUserId}>
          {t("submit", { count: selected.length })}
        </Button>
      </div>
    </form>
  );
}
