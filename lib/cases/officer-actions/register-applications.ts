import type { Db } from "@/lib/platform/db";
import { classifyError } from "@/lib/platform/core";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import type { TExpectedState } from "./schemas";

export type TBulkRegisterResult = { applicationId: string; ok: true; outcome: TActionOutcome } | { applicationId: string; ok: false; code: string };

/** At most this many registrations per request (a page of the worklist and some). */
export const BULK_REGISTER_LIMIT = 100;

/**
 * The office registers several incoming applications at once (issue 12 point 14). Each is its own
 * `register` command (own transaction, guards, compare-and-swap on the state the list showed, own
 * audit row), so one stale or foreign application fails alone with its code and the rest go through.
 */
export async function registerApplications(db: Db, ctx: OfficerCommandContext, targets: readonly { applicationId: string; expected: TExpectedState }[]): Promise<TBulkRegisterResult[]> {
  const results: TBulkRegisterResult[] = [];
  for (const target of targets.slice(0, BULK_REGISTER_LIMIT)) {
    try {
      results.push({ applicationId: target.applicationId, ok: true, outcome: await runOfficerCommand(db, ctx, target, { type: "register" }) });
    } catch (e) {
      const c = classifyError(e);
      if (c.unexpected) throw e;
      results.push({ applicationId: target.applicationId, ok: false, code: c.code });
    }
  }
  return results;
}
