import { can, type UserActor } from "@/lib/platform/auth";
import type { TSupervisorSection } from "@/components/dashboard/sub-nav";

const SECTION_PERMISSION = { dashboard: "dashboard.read", quality: "dashboard.read", complaints: "complaint.handle", audit: "audit.read" } as const satisfies Record<TSupervisorSection, string>;

/** The sections of the supervisor area the actor may open (the permission table decides). */
export function sectionsFor(actor: UserActor): TSupervisorSection[] {
  return (Object.keys(SECTION_PERMISSION) as TSupervisorSection[]).filter((s) => can(actor, SECTION_PERMISSION[s]));
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
