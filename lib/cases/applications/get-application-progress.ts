import type { DbOrTx } from "@/lib/platform/db";

export type TApplicationProgress = {
  /** Short names of the officers on the steps ("Surname G."). */
  assigneeNames: Map<string, string>;
  regulation: { regulationId: string; version: number } | null;
  licence: { id: string; number: string } | null;
};

/**
 * The facts around an application the applicant's page shows beside its steps. The application
 * itself was read through the applicant's scope (`getApplication`), so these follow from it.
 */
export async function getApplicationProgress(
  db: DbOrTx,
  app: { id: string; regulationVersionId: string | null; steps: { assigneeId: string | null }[] },
): Promise<TApplicationProgress> {
  const ids = app.steps.map((s) => s.assigneeId).filter((x): x is string => !!x);
  const [assignees, regulation, licence] = await Promise.all([
    ids.length ? db.user.findMany({ where: { id: { in: ids } }, select: { id: true, surname: true, givenName: true } }) : [],
    app.regulationVersionId ? db.regulationVersion.findUnique({ where: { id: app.regulationVersionId }, select: { regulationId: true, version: true } }) : null,
    db.licence.findFirst({ where: { applicationId: app.id }, select: { id: true, number: true } }),
  ]);
  return { assigneeNames: new Map(assignees.map((u) => [u.id, `${u.surname} ${u.givenName.slice(0, 1)}.`])), regulation, licence };
}
