import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireActor(["ADMIN"]);
  return children;
}
