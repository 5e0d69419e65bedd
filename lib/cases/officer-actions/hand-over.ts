import type { Db } from "@/lib/platform/db";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import type { THandOverInput } from "./schemas";

/**
 * The result goes to the applicant: electronically (their cabinet) or on paper, when the
 * recipient's full name is written in the journal (the applicant signs the journal [000 L146-150]).
 */
export function handOver(db: Db, ctx: OfficerCommandContext, input: THandOverInput): Promise<TActionOutcome> {
  return runOfficerCommand(db, ctx, input, {
    type: "hand_over",
    mode: input.mode,
    ...(input.mode === "paper" ? { recipientName: input.recipientName } : {}),
  });
}
