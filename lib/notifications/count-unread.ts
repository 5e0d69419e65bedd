import type { DbOrTx } from "@/lib/db";
import type { UserActor } from "@/lib/auth";

/** Unread notifications of the actor (the header badge). */
export async function countUnread(db: DbOrTx, actor: UserActor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
