"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type Localised = { kk: string; ru: string; en: string };

/** A slot as the catalogue describes it (`TDocumentSlot` from `@/lib/law/catalogue` fits). */
export type DocumentSlotItem = { key: string; label: Localised; required: boolean; multiple: boolean; hint?: Localised };

/** An attached file as the upload API returns it (`TDocumentView` from `@/lib/cases/documents` fits). */
export type AttachedDocument = { id: string; slotKey: string; fileName: string; mimeType: string; size: number; scanned?: boolean };

export type DocumentSlotsProps = {
  applicationId: string;
  slots: readonly DocumentSlotItem[];
  /** Live attachments when the component mounts (e.g. from `listDocuments`); it keeps its own state afterwards. */
  documents: readonly AttachedDocument[];
  /** The server's limit (`uploadMaxBytes()`); the server checks again. Default 10 MiB. */
  maxBytes?: number;
  /** Show files only (after submission, or for officers reading). */
  readOnly?: boolean;
  /** Heading level of each slot's title inside the page (default 3). */
  headingLevel?: 2 | 3 | 4;
  /** Called after every successful upload or removal with the current attachments. */
  onChange?: (documents: AttachedDocument[]) => void;
};

// Kept in step with lib/cases/documents ACCEPTED_TYPES; the server is the judge.
const ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * A file size with one decimal and the catalogue's unit (КБ / МБ / KB / MB). Not Intl's unit
 * formatting: the server's ICU and the browser's spell Kazakh units differently, and the mismatch
 * made React discard the server's HTML (hydration error) — and a key file the user had just chosen.
 */
function formatSize(bytes: number, locale: string, t: (key: "sizeKb" | "sizeMb", values: { value: string }) => string): string {
  const mb = bytes / (1024 * 1024);
  const [value, key] = mb >= 1 ? ([mb, "sizeMb"] as const) : ([Math.max(bytes / 1024, 0.1), "sizeKb"] as const);
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace(".", locale === "en" ? "." : ",");
  return t(key, { value: text });
}

type SlotState = { uploading?: { fileName: string; percent: number }; error?: string };

/**
 * Upload slots of an application: per slot its label (required marker), the attached files with
 * open/download/remove, and a labelled file input that uploads at once with a progress bar.
 * Errors are the server's codes, translated. Uploads go to POST /api/applications/[id]/documents.
 */
export function DocumentSlots({
  applicationId,
  slots,
  documents,
  maxBytes = DEFAULT_MAX_BYTES,
  readOnly = false,
  headingLevel = 3,
  onChange,
}: DocumentSlotsProps) {
  const t = useTranslations("documents.slots");
  const tc = useCodeTranslator();
  const locale = useLocale() as keyof Localised;
  const baseId = useId();
  const [docs, setDocs] = useState<AttachedDocument[]>(() => [...documents]);
  const [states, setStates] = useState<Record<string, SlotState>>({});
  const [announcement, setAnnouncement] = useState("");
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const Heading = `h${headingLevel}` as "h3";

  const setSlot = useCallback((key: string, s: SlotState) => setStates((prev) => ({ ...prev, [key]: s })), []);
  // onChange runs after the state settles (never inside a state updater).
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const changed = useRef(false);
  useEffect(() => {
    if (!changed.current) return;
    changed.current = false;
    onChangeRef.current?.(docs);
  }, [docs]);
  const commit = useCallback((change: (prev: AttachedDocument[]) => AttachedDocument[]) => {
    changed.current = true;
    setDocs(change);
  }, []);

  function upload(slot: DocumentSlotItem, file: File) {
    const reset = () => {
      const input = inputs.current[slot.key];
      if (input) input.value = "";
    };
    // The same checks as the server, before sending megabytes for nothing.
    const early = file.size === 0 ? "documents.empty" : file.size > maxBytes ? "documents.too_large" : null;
    if (early) {
      setSlot(slot.key, { error: early });
      reset();
      return;
    }
    setSlot(slot.key, { uploading: { fileName: file.name, percent: 0 } });
    setAnnouncement(t("uploading", { name: file.name }));

    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/applications/${encodeURIComponent(applicationId)}/documents`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setSlot(slot.key, { uploading: { fileName: file.name, percent: Math.min(100, Math.round((e.loaded / e.total) * 100)) } });
    };
    xhr.onload = () => {
      reset();
      const body = xhr.response as { error?: { code?: string }; data?: AttachedDocument } | null;
      if (xhr.status === 201 && body?.data) {
        const doc = body.data;
        commit((prev) => [...prev.filter((d) => slot.multiple || d.slotKey !== slot.key), doc]);
        setSlot(slot.key, {});
        setAnnouncement(t("uploaded", { name: doc.fileName }));
      } else {
        setSlot(slot.key, { error: body?.error?.code ?? "errors.unexpected" });
        setAnnouncement("");
      }
    };
    xhr.onerror = () => {
      reset();
      setSlot(slot.key, { error: "documents.network_error" });
      setAnnouncement("");
    };
    const form = new FormData();
    form.append("slotKey", slot.key);
    form.append("file", file, file.name);
    xhr.send(form);
  }

  async function remove(doc: AttachedDocument) {
    setSlot(doc.slotKey, {});
    try {
      const res = await fetch(`/api/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(doc.id)}`, { method: "DELETE" });
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      if (!res.ok) return setSlot(doc.slotKey, { error: body?.error?.code ?? "errors.unexpected" });
      commit((prev) => prev.filter((d) => d.id !== doc.id));
      setAnnouncement(t("removed", { name: doc.fileName }));
    } catch {
      setSlot(doc.slotKey, { error: "documents.network_error" });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {slots.map((slot, i) => {
        const id = `${baseId}-${i}`;
        const files = docs.filter((d) => d.slotKey === slot.key);
        const state = states[slot.key] ?? {};
        const busy = state.uploading !== undefined;
        const hintId = `${id}-hint`;
        const errorId = `${id}-error`;
        return (
          <section key={slot.key} id={`slot-${slot.key}`} aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <Heading id={`${id}-title`} className="font-semibold text-slate-900">
              {slot.label[locale]}
              {slot.required ? (
                <>
                  <span aria-hidden="true" className="text-red-700">
                    {" "}
                    *
                  </span>
                  <span className="sr-only"> ({t("required")})</span>
                </>
              ) : (
                <span className="ml-2 text-sm font-normal text-slate-600">({t("optional")})</span>
              )}
            </Heading>
            {slot.hint ? <p className="mt-1 text-sm text-slate-700">{slot.hint[locale]}</p> : null}

            {files.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
            ) : (
              <ul className="mt-2 flex flex-col gap-2">
                {files.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-200 px-3 py-2">
                    {/* A download: uploaded files are never rendered on the portal's origin (issue 13). */}
                    <a href={`/api/files/${d.id}`} className="font-medium text-brand-700 underline underline-offset-2" aria-label={t("downloadFile", { name: d.fileName })}>
                      {d.fileName}
                    </a>
                    <span className="text-sm text-slate-600">{formatSize(d.size, locale, t)}</span>
                    {d.scanned ? <span className="text-sm text-slate-600">· {t("scanned")}</span> : null}
                    {readOnly ? null : (
                      <Button
                        type="button"
                        variant="secondary"
                        className="px-2 py-1 text-sm"
                        onClick={() => void remove(d)}
                        disabled={busy}
                        aria-label={t("removeFile", { name: d.fileName })}
                      >
                        {t("remove")}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}

            {readOnly ? null : (
              <div className="mt-3 flex flex-col gap-1">
                <label htmlFor={`${id}-input`} className="sr-only">
                  {slot.label[locale]}
                </label>
                <p id={hintId} className="text-sm text-slate-600">
                  {t("hint", { max: formatSize(maxBytes, locale, t) })} {slot.multiple ? t("multipleHint") : files.length > 0 ? t("replaceHint") : null}
                </p>
                <input
                  ref={(el) => {
                    inputs.current[slot.key] = el;
                  }}
                  id={`${id}-input`}
                  type="file"
                  accept={ACCEPT}
                  disabled={busy}
                  aria-describedby={[hintId, state.error ? errorId : null].filter(Boolean).join(" ")}
                  aria-invalid={state.error ? true : undefined}
                  className="text-sm file:mr-3 file:rounded file:border file:border-brand-700 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-brand-800 hover:file:bg-brand-50"
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0];
                    if (file) upload(slot, file);
                  }}
                />
                {state.uploading ? (
                  <div className="flex items-center gap-2">
                    <progress
                      id={`${id}-progress`}
                      max={100}
                      value={state.uploading.percent}
                      aria-label={t("uploading", { name: state.uploading.fileName })}
                      className="h-2 w-48"
                    />
                    <span className="text-sm" aria-hidden="true">
                      {t("progress", { percent: state.uploading.percent })}
                    </span>
                  </div>
                ) : null}
                {state.error ? (
                  <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
                    {tc(state.error)}
                  </p>
                ) : null}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
