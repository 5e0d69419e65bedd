import type { Db } from "@/lib/platform/db";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import type { ZRegisterInput } from "./schemas";
import type { z } from "zod";

/** The office accepts and registers the documents (first step of every regulation). */
export function registerApplication(db: Db, ctx: OfficerCommandContext, input: z.infer<typeof ZRegisterInput>): Promise<TActionOutcome> {
  return runOfficerCommand(db, ctx, input, { type: "register" });
}
