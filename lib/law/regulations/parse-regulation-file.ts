import type { z } from "zod";
import { formatPath } from "@/lib/platform/core";
import { ZRegulationFile, ZRegulationVersion, type TRegulationVersion } from "./schema";
import { findScopeConflicts, type TFieldError } from "./validate-versions";

export type TParseResult = { ok: true; versions: TRegulationVersion[] } | { ok: false; errors: TFieldError[] };

function issuesToErrors(issues: readonly z.core.$ZodIssue[], file?: string, prefix = ""): TFieldError[] {
  return issues.map((i) => {
    const p = formatPath(i.path);
    return { file, path: prefix && p ? `${prefix}.${p}` : prefix || p || "(root)", message: i.message };
  });
}

/**
 * Validates a regulation file uploaded by an administrator: either `{ versions: [...] }` or a single
 * version object. With `existing`, also rejects a version whose validity overlaps one already in force
 * for the same scope. Returns field errors instead of throwing, for the admin form.
 */
export function parseRegulationFile(
  json: unknown,
  options: { file?: string; existing?: readonly TRegulationVersion[] } = {},
): TParseResult {
  const isFile = typeof json === "object" && json !== null && "versions" in json;
  let versions: TRegulationVersion[];
  if (isFile) {
    const r = ZRegulationFile.safeParse(json);
    if (!r.success) return { ok: false, errors: issuesToErrors(r.error.issues, options.file) };
    versions = r.data.versions;
  } else {
    const r = ZRegulationVersion.safeParse(json);
    if (!r.success) return { ok: false, errors: issuesToErrors(r.error.issues, options.file) };
    versions = [r.data];
  }
  const located = [
    ...(options.existing ?? []).map((version) => ({ version, file: "(active)" })),
    ...versions.map((version, i) => ({ version, file: options.file, index: isFile ? i : undefined })),
  ];
  const conflicts = findScopeConflicts(located).filter((e) => e.file !== "(active)");
  return conflicts.length ? { ok: false, errors: conflicts } : { ok: true, versions };
}

export function formatFieldErrors(errors: readonly TFieldError[]): string {
  return errors.map((e) => `  ${e.file ? `${e.file}: ` : ""}${e.path}: ${e.message}`).join("\n");
}
