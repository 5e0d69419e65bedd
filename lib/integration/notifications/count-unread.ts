import type { DbOrTx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";

/** Unread notifications of the actor (the header badge). */
export async function countUnread(db: DbOrTx, actor: UserActor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
