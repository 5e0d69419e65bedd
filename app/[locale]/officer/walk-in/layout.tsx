import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

/** Walk-in intake is the office clerk's work [001 L286-311]: other roles get 404. */
export default async function WalkInLayout({ children }: { children: ReactNode }) {
  await requireActor("application.intake");
  return children;
}
