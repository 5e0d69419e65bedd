import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";
import { STAFF_ROLES } from "@/lib/platform/auth";

export default async function OfficerLayout({ children }: { children: ReactNode }) {
  await requireActor(STAFF_ROLES);
  return children;
}
