import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import { getApplication } from "@/lib/cases/applications";
import { parseWorkflowData, ZDecision } from "@/lib/law/workflow";
import { fullName } from "@/lib/cases/worklist";

/**
 * The service-journal entry of a handed-over result (who received it, when, from whom), read
 * through the officer's scope; `errors.not_found` before the hand-over or outside the scope.
 */
export async function getJournalEntry(db: DbOrTx, actor: UserActor, applicationId: string) {
  const app = await getApplication(db, actor, applicationId);
  const handOver = parseWorkflowData(app.workflowData).handOver;
  if (!handOver) throw new DomainError("errors.not_found");
  const decision = ZDecision.safeParse(app.decision);
  const officer = await db.user.findFirst({ where: { id: handOver.byUserId, organisationId: app.organisationId }, select: { surname: true, givenName: true, patronymic: true } });
  return {
    app,
    handOver,
    decisionKind: app.status === "ISSUED" ? ("licence" as const) : decision.success ? decision.data.kind : null,
    officerName: officer ? fullName(officer) : null,
  };
}
