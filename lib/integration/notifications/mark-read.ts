import { z } from "zod";
import type { DbOrTx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";

export type MarkReadInput = { actor: UserActor; now: Date } & ({ ids: readonly string[]; all?: never } | { all: true; ids?: never });

/**
 * Form input of the "mark as read" action: `all=1`, or one or more `id` fields.
 * Transforms to the `{ all: true } | { ids }` part of `MarkReadInput`.
 */
export const ZMarkReadInput = z
  .object({
    all: z.enum(["1", "true"]).optional(),
    id: z.union([z.uuid(), z.array(z.uuid()).max(200)]).optional(),
  })
  .refine((v) => v.all !== undefined || v.id !== undefined, { message: "validation.required", path: ["id"] })
  .transform((v): { all: true } | { ids: string[] } => (v.all ? { all: true } : { ids: Array.isArray(v.id) ? v.id : [v.id!] }));
export type TMarkReadInput = z.output<typeof ZMarkReadInput>;

/**
 * Marks the actor's own notifications as read (already read ones keep their first `readAt`).
 * Ids of other people's notifications are silently ignored: they are out of scope, not an error.
 * Returns how many rows changed.
 */
export async function markRead(db: DbOrTx, input: MarkReadInput): Promise<number> {
  if (!input.all && input.ids.length === 0) return 0;
  const r = await db.notification.updateMany({
    where: { userId: input.actor.userId, readAt: null, ...(input.all ? {} : { id: { in: [...input.ids] } }) },
    data: { readAt: input.now },
  });
  return r.count;
}
