// Shared by bench:officer and bench:soak: the officer command an application is waiting for, with the
// officer who gives it, the server action that carries it (app/[locale]/officer/applications/[id]/actions.ts),
// its input schema and use case. Read from the row and the pure engine (availableCommands), as the
// officer's page offers it, without the page's other reads.
import type { z } from "zod";
import type { UserActor } from "@/lib/platform/auth";
import type { Db } from "@/lib/platform/db";
import { availableCommands } from "@/lib/law/workflow";
import { definitionForVersion, toWorkflowState } from "@/lib/cases/applications";
import {
  assignApplication,
  checklistFor,
  draftDecision,
  handOver,
  recordCheck,
  registerApplication,
  signDecision,
  startReview,
  ZAssignInput,
  ZDraftDecisionInput,
  ZHandOverInput,
  ZRecordCheckInput,
  ZRegisterInput,
  ZSignDecisionInput,
  ZStartReviewInput,
  type OfficerCommandContext,
  type TActionOutcome,
} from "@/lib/cases/officer-actions";

export type OfficerCast = { clerk: UserActor; head: UserActor; executor: UserActor };

export type OfficerStep = {
  /** The command, or `check:<key>` for one check. */
  label: string;
  command: "register" | "assign" | "start_review" | "record_check" | "draft_decision" | "sign_decision" | "hand_over";
  actor: UserActor;
  /** The exported name of the server action in app/[locale]/officer/applications/[id]/actions.ts. */
  action: string;
  schema: z.ZodType;
  /** The input beside applicationId and expected (sign_decision: the signatures are the caller's). */
  input: Record<string, unknown>;
  run: (db: Db, ctx: OfficerCommandContext, input: never) => Promise<TActionOutcome>;
};

export const OFFICER_ACTIONS_FILE = "app/[locale]/officer/applications/[id]/actions.ts";

/** The next officer step of application `id` (null when no officer of the cast has one). */
export async function nextOfficerStep(db: Db, cast: OfficerCast, id: string): Promise<OfficerStep | null> {
  const app = await db.application.findUniqueOrThrow({ where: { id }, include: { subject: { select: { kind: true } } } });
  if (!app.regulationVersionId) return null;
  const def = await definitionForVersion(db, app.regulationVersionId, app.variant);
  const state = toWorkflowState(app);
  for (const actor of [cast.clerk, cast.head, cast.executor]) {
    const cmd = availableCommands(def, state, actor).find((c) => c !== "record_check" || pendingChecks(def, app.stepKey, state).length > 0);
    switch (cmd) {
      case "register":
        return { label: "register", command: cmd, actor, action: "registerAction", schema: ZRegisterInput, input: {}, run: registerApplication };
      case "assign":
        return { label: "assign", command: cmd, actor, action: "assignAction", schema: ZAssignInput, input: { assigneeId: cast.executor.userId }, run: assignApplication };
      case "start_review":
        return { label: "start review", command: cmd, actor, action: "startReviewAction", schema: ZStartReviewInput, input: {}, run: startReview };
      case "record_check": {
        const check = pendingChecks(def, app.stepKey, state)[0]!;
        const list = checklistFor(app, check as never);
        const items = check === "completeness" ? [] : list.items.map((it) => ({ key: it.key, passed: true, note: "OK" }));
        return { label: `check: ${check}`, command: cmd, actor, action: "recordCheckAction", schema: ZRecordCheckInput, input: { check, passed: true, items }, run: recordCheck };
      }
      case "draft_decision": {
        const subtypes = (app.formData as { activitySubtypes?: string[] } | null)?.activitySubtypes ?? [];
        return { label: "draft decision", command: cmd, actor, action: "draftDecisionAction", schema: ZDraftDecisionInput, input: { decision: { kind: "licence", subtypes } }, run: draftDecision };
      }
      case "sign_decision":
        return { label: "sign (decision + licence PDF)", command: cmd, actor, action: "signDecisionAction", schema: ZSignDecisionInput, input: {}, run: signDecision as OfficerStep["run"] };
      case "hand_over":
        return { label: "hand over", command: cmd, actor, action: "handOverAction", schema: ZHandOverInput, input: { mode: "electronic" }, run: handOver };
      default:
        continue;
    }
  }
  return null;
}

function pendingChecks(def: Awaited<ReturnType<typeof definitionForVersion>>, stepKey: string | null, state: ReturnType<typeof toWorkflowState>): string[] {
  const step = def.steps.find((s) => s.key === stepKey);
  return (step?.checks ?? []).filter((k) => !state.workflowData.checks[k]);
}
