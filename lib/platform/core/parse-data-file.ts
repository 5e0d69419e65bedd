import type { z } from "zod";

/**
 * Data files are parsed once at import; a broken file must stop the app with a message
 * that names the file and the field, so the error is fixed in the data, not guessed at.
 */
export function parseDataFile<T extends z.ZodType>(schema: T, data: unknown, file: string, listKey: string): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((issue) => {
    const path = formatPath(issue.path);
    return `  ${path || "(root)"}${itemCode(data, listKey, issue.path)}: ${issue.message}`;
  });
  const more = result.error.issues.length > 20 ? `\n  … ${result.error.issues.length - 20} more` : "";
  throw new Error(`Invalid data file ${file}:\n${lines.join("\n")}${more}`);
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === "number") return `${acc}[${seg}]`;
    return acc ? `${acc}.${String(seg)}` : String(seg);
  }, "");
}

function itemCode(data: unknown, listKey: string, path: readonly PropertyKey[]): string {
  if (path[0] !== listKey || typeof path[1] !== "number") return "";
  const list = (data as Record<string, unknown> | null)?.[listKey];
  const item = Array.isArray(list) ? (list[path[1]] as { code?: unknown } | undefined) : undefined;
  return typeof item?.code === "string" ? ` (code "${item.code}")` : "";
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
