import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

export default async function SupervisorLayout({ children }: { children: ReactNode }) {
  await requireActor(["SUPERVISOR"]);
  return children;
}
