import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  await requireActor(["APPLICANT"]);
  return children;
}
