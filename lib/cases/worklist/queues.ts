import type { TStaffRole, TStepKey } from "@/lib/law/regulations";
import type { TWorklistQueue } from "./schemas";

/** Which queue each step key belongs to (complete over the closed list of step keys). */
export const QUEUE_OF_STEP: Record<TStepKey, TWorklistQueue> = {
  register: "register",
  assign_deputy_head: "assign",
  assign_department_head: "assign",
  assign_executor: "assign",
  check_completeness: "work",
  check_qualification: "work",
  inspect: "work",
  review: "work",
  draw_up: "work",
  sign: "sign",
  hand_over: "hand_over",
};

export function stepKeysOfQueue(queue: TWorklistQueue): TStepKey[] {
  return (Object.keys(QUEUE_OF_STEP) as TStepKey[]).filter((k) => QUEUE_OF_STEP[k] === queue);
}

/**
 * The queues a role works on: the clerk registers and hands over, the head assigns and signs, the
 * 003 deputy and department heads assign, the executor works (and in 003 also hands over).
 */
export const QUEUES_OF_ROLE: Record<TStaffRole, readonly TWorklistQueue[]> = {
  OFFICE_CLERK: ["register", "hand_over"],
  HEAD: ["assign", "sign"],
  DEPUTY_HEAD: ["assign"],
  DEPARTMENT_HEAD: ["assign"],
  EXECUTOR: ["work", "hand_over"],
};
