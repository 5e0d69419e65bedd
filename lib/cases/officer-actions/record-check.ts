import { DomainError, fieldError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { checklistFor } from "./checklist";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import { scopedApplicationFacts } from "./scoped-application";
import type { TRecordCheckInput } from "./schemas";


/**
 * Checks a check result against the catalogue before the engine records it:
 * - item keys are the checklist's (document slots / qualification requirements), each once;
 * - a checklist (qualification, inspection) answers every requirement, and passes only when
 *   every item passes; a failed item says why (comment);
 * - an incomplete package names at least one missing or faulty document, or says why in the note;
 * - a failed check without a checklist says why in the note.
 */
export function validateCheckResult(input: Pick<TRecordCheckInput, "check" | "passed" | "items" | "note">, checklist: ReturnType<typeof checklistFor>): void {
  const known = new Set(checklist.items.map((i) => i.key));
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (!known.has(item.key) || seen.has(item.key)) fieldError("officer.errors.unknown_item", `items.${i}.key`);
    seen.add(item.key);
    if (!item.passed && !item.note) fieldError("officer.errors.note_required", `items.${i}.note`);
  });
  if (checklist.everyItemRequired && checklist.items.length > 0) {
    if (checklist.items.some((i) => !seen.has(i.key))) fieldError("officer.errors.checklist_incomplete", "items");
    if (input.passed !== input.items.every((i) => i.passed)) fieldError("officer.errors.check_inconsistent", "passed");
    return;
  }
  if (input.passed && input.items.some((i) => !i.passed)) fieldError("officer.errors.check_inconsistent", "passed");
  if (!input.passed && !input.items.some((i) => !i.passed) && !input.note) {
    fieldError(input.check === "completeness" ? "officer.errors.incomplete_needs_items" : "officer.errors.note_required", input.check === "completeness" ? "items" : "note");
  }
}

export async function recordCheck(db: Db, ctx: OfficerCommandContext, input: TRecordCheckInput): Promise<TActionOutcome> {
  const app = await scopedApplicationFacts(db, ctx.actor, input.applicationId);
  validateCheckResult(input, checklistFor(app, input.check));
  return runOfficerCommand(db, ctx, input, {
    type: "record_check",
    check: input.check,
    passed: input.passed,
    items: input.items.map((i) => ({ key: i.key, passed: i.passed, ...(i.note ? { note: i.note } : {}) })),
    ...(input.note ? { note: input.note } : {}),
  });
}
