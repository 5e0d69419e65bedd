import type { Db } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import { assignApplication, draftDecision, getOfficerApplication, recordCheck, registerApplication, startReview, type TExpectedState } from "@/lib/cases/officer-actions";
import { expectedOf } from "../worklist/helpers";

/**
 * Drives an application through the officers' commands up to the head's signature, whatever the
 * regulation's steps for its variant: register, assign, start the review, pass every check with
 * its checklist, draft a licence with the requested sub-types. Each command at `now` + n minutes.
 */
export async function driveToSigning(
  db: Db,
  o: { applicationId: string; clerk: UserActor; head: UserActor; executor: UserActor; subtypes: string[]; start: Date },
): Promise<void> {
  let minute = 1;
  const recorded = new Set<string>();
  const at = () => new Date(o.start.getTime() + minute++ * 60_000);
  const expected = async () => expectedOf(await db.application.findUniqueOrThrow({ where: { id: o.applicationId } })) as TExpectedState;
  const base = async () => ({ applicationId: o.applicationId, expected: await expected() });
  for (let i = 0; i < 20; i++) {
    const forClerk = (await getOfficerApplication(db, o.clerk, o.applicationId, { now: at() })).commands;
    if (forClerk.includes("register")) {
      await registerApplication(db, { actor: o.clerk, now: at() }, await base());
      continue;
    }
    const forHead = await getOfficerApplication(db, o.head, o.applicationId, { now: at() });
    if (forHead.commands.includes("sign_decision")) return;
    if (forHead.commands.includes("assign")) {
      await assignApplication(db, { actor: o.head, now: at() }, { ...(await base()), assigneeId: o.executor.userId });
      continue;
    }
    const w = await getOfficerApplication(db, o.executor, o.applicationId, { now: at() });
    if (w.commands.includes("start_review")) {
      await startReview(db, { actor: o.executor, now: at() }, await base());
    } else if (w.commands.includes("record_check") && w.checklists.some((c) => !recorded.has(c.check))) {
      const list = w.checklists.find((c) => !recorded.has(c.check))!;
      recorded.add(list.check);
      const items = list.check === "completeness" ? [] : list.items.map((it) => ({ key: it.key, passed: true, note: "OK" }));
      await recordCheck(db, { actor: o.executor, now: at() }, { ...(await base()), check: list.check, passed: true, items });
    } else if (w.commands.includes("draft_decision")) {
      await draftDecision(db, { actor: o.executor, now: at() }, { ...(await base()), decision: { kind: "licence", subtypes: o.subtypes } });
    } else {
      throw new Error(`no officer can act: clerk ${forClerk}, head ${forHead.commands}, executor ${w.commands}`);
    }
  }
  throw new Error("the application did not reach the signing step");
}
