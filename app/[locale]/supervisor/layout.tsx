import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

/**
 * Supervisors (dashboards, quality, complaints, audit), heads of organisations (complaints only)
 * and administrators (read-only dashboards and audit). Every page narrows the roles further.
 */
export default async function SupervisorLayout({ children }: { children: ReactNode }) {
  await requireActor("oversight.area");
  return children;
}
