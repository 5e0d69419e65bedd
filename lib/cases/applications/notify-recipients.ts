import type { Tx } from "@/lib/platform/db";
import type { TNotifyRecipient } from "@/lib/law/workflow";

/** Who a workflow notification goes to, as user ids (one query per recipient kind, no loops over users). */
export async function resolveRecipients(tx: Tx, recipient: TNotifyRecipient, app: { subjectId: string }): Promise<string[]> {
  switch (recipient.kind) {
    case "user":
      return [recipient.userId];
    case "applicant":
      return (await tx.user.findMany({ where: { subjectId: app.subjectId, role: "APPLICANT", active: true }, select: { id: true } })).map((u) => u.id);
    case "role":
      return (await tx.user.findMany({ where: { organisationId: recipient.organisationId, role: recipient.role, active: true }, select: { id: true } })).map(
        (u) => u.id,
      );
    case "supervisors": {
      const org = await tx.organisation.findUnique({ where: { id: recipient.organisationId }, select: { region: true } });
      const users = await tx.user.findMany({
        where: {
          role: "SUPERVISOR",
          active: true,
          OR: [
            { supervisorScope: "ALL" },
            { supervisorScope: "ORGANISATION", organisationId: recipient.organisationId },
            ...(org ? [{ supervisorScope: "REGION" as const, organisation: { region: org.region } }] : []),
          ],
        },
        select: { id: true },
      });
      return users.map((u) => u.id);
    }
  }
}
