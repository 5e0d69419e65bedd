import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

export type Messages = Record<string, unknown>;

const cache = new Map<string, Messages>();

/** Messages of one locale: every messages/<locale>/<namespace>.json merged under its namespace. */
export function loadMessages(locale: Locale, root = process.cwd()): Messages {
  const key = `${root}:${locale}`;
  const hit = cache.get(key);
  if (hit && process.env.NODE_ENV === "production") return hit;
  const dir = path.join(root, "messages", locale);
  const out: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const ns = file.replace(/\.json$/, "");
    try {
      out[ns] = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    } catch (e) {
      throw new Error(`messages/${locale}/${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  cache.set(key, out);
  return out;
}

/** Flattened dotted keys of a message tree (for catalogue comparisons). */
export function flattenKeys(tree: unknown, prefix = ""): string[] {
  if (tree === null || typeof tree !== "object") return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}
