import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

/** The Public Service Centre's workstation: its operators and head [004 L645-648, L755-760]. */
export default async function PscLayout({ children }: { children: ReactNode }) {
  await requireActor("psc.results");
  return children;
}
