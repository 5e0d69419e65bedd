import type { ReactNode } from "react";
import { requireActorWithAny } from "@/app/_server/session";

/** Officers' area; a PSC operator uses its intake pages (walk-in) to accept packages [004 L645-648]. */
export default async function OfficerLayout({ children }: { children: ReactNode }) {
  await requireActorWithAny(["worklist.read", "application.intake"]);
  return children;
}
