import type { Db } from "@/lib/platform/db";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import type { TReturnForRevisionInput } from "./schemas";

/**
 * The head does not sign the draft but returns it to the executor with a comment: the engine
 * (`return_for_revision`) checks the sign step, its role and that an unsigned draft exists, moves
 * the application back to the drafting step (its deadline starts again) and keeps the draft with
 * the comment; the audit entry is `application.returned_for_revision`.
 */
export async function returnForRevision(db: Db, ctx: OfficerCommandContext, input: TReturnForRevisionInput): Promise<TActionOutcome> {
  return runOfficerCommand(db, ctx, input, { type: "return_for_revision", comment: input.comment });
}
