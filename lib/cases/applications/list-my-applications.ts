import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";

export type MyApplicationRow = {
  id: string;
  registrationNumber: string | null;
  serviceCode: string;
  variant: string;
  status: string;
  stepKey: string | null;
  dueAt: Date | null;
  createdAt: Date;
  organisation: { code: string; nameKk: string; nameRu: string; nameEn: string };
};

/** The applicant's own applications, newest first (scoped: never another applicant's). */
export async function listMyApplications(db: DbOrTx, actor: Actor, opts: { take?: number } = {}): Promise<MyApplicationRow[]> {
  return db.application.findMany({
    where: applicationScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(opts.take ?? 50, 200),
    select: {
      id: true,
      registrationNumber: true,
      serviceCode: true,
      variant: true,
      status: true,
      stepKey: true,
      dueAt: true,
      createdAt: true,
      organisation: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
    },
  });
}
