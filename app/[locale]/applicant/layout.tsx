import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  await requireActor("application.read_own");
  return children;
}
