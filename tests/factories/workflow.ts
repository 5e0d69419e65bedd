import type { UserActor } from "@/lib/platform/auth";
import type { Db } from "@/lib/platform/db";
import { createSubject, createUser } from "./index";

/** The people of one application's path: an applicant and the organisation's clerk, head (may sign) and executor. */
export async function createWorkflowCast(db: Db, organisationId: string): Promise<{ applicant: UserActor; clerk: UserActor; head: UserActor; executor: UserActor }> {
  const subject = await createSubject(db);
  const applicant = (await createUser(db, "APPLICANT", { subjectId: subject.id })).actor;
  const clerk = (await createUser(db, "OFFICE_CLERK", { organisationId })).actor;
  const head = { ...(await createUser(db, "HEAD", { organisationId })).actor, canSign: true };
  await db.user.update({ where: { id: head.userId }, data: { canSign: true } });
  const executor = (await createUser(db, "EXECUTOR", { organisationId })).actor;
  return { applicant, clerk, head, executor };
}
