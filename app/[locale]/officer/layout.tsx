import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

export default async function OfficerLayout({ children }: { children: ReactNode }) {
  await requireActor("worklist.read");
  return children;
}
