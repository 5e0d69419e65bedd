import type { Role } from "@/lib/platform/db";
import type { TSupervisorSection } from "@/components/dashboard/sub-nav";

export const DASHBOARD_ROLES = ["SUPERVISOR", "ADMIN"] as const satisfies readonly Role[];
export const COMPLAINT_HANDLER_ROLES = ["SUPERVISOR", "HEAD"] as const satisfies readonly Role[];

/** What each role may open in the supervisor area. */
export function sectionsFor(role: Role): TSupervisorSection[] {
  if (role === "HEAD") return ["complaints"];
  if (role === "ADMIN") return ["dashboard", "quality", "audit"];
  return ["dashboard", "quality", "complaints", "audit"];
}

/** searchParams → plain object of single strings (repeated keys keep the first). */
export function flatParams(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s !== "") out[k] = s;
  }
  return out;
}

/** Keeps only the keys a schema knows (so a bad value of one filter does not void the others). */
export function pick(obj: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => keys.includes(k)));
}
