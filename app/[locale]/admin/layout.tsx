import type { ReactNode } from "react";
import { requireActor } from "@/app/_server/session";
import { AdminNav } from "@/components/admin/admin-nav";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireActor("admin.area");
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
