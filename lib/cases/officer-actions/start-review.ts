import type { z } from "zod";
import type { Db } from "@/lib/platform/db";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import type { ZStartReviewInput } from "./schemas";

/** The executor takes the application into review (checks and drafting follow). */
export function startReview(db: Db, ctx: OfficerCommandContext, input: z.infer<typeof ZStartReviewInput>): Promise<TActionOutcome> {
  return runOfficerCommand(db, ctx, input, { type: "start_review" });
}
