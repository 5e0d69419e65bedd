import { z } from "zod";
import { ZTerm } from "@/lib/law/calendar";

/** Recorded facts about a running term; the effective deadline is always recomputed from them. */
export const ZDeadlineEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("suspended"), at: z.date(), reason: z.string().min(1) }),
  z.object({ type: z.literal("resumed"), at: z.date() }),
  z.object({ type: z.literal("extended"), at: z.date(), term: ZTerm, reason: z.string().min(1) }),
]);

export type TDeadlineEvent = z.output<typeof ZDeadlineEvent>;

export const DEADLINE_STATUSES = ["on_time", "due_soon", "overdue"] as const;
export type TDeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Error codes thrown by this module (next-intl keys in messages/<locale>/deadlines.json). */
export const DEADLINE_ERROR_CODES = [
  "deadlines.extension_exceeds_limit",
  "deadlines.invalid_event_sequence",
  "deadlines.calendar_out_of_range",
] as const;
