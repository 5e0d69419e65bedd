import { z } from "zod";
import { parseKeysetCursor } from "@/lib/platform/core";
import type { DbOrTx, Prisma } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type MyNotificationRow = {
  id: string;
  kind: string;
  messageKey: string;
  params: unknown;
  applicationId: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** Query of the "My notifications" page as it lives in the URL. */
export const ZNotificationsQuery = z.object({
  /** Keyset cursor "<createdAt ISO>|<id>" of the last row of the previous page. */
  after: z.string().max(200).optional(),
});
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

function parseCursor(after: string | undefined): { createdAt: Date; id: string } | null {
  // The shared parser: a malformed or out-of-range cursor (year -271821, 20-digit ids) is the first page.
  const c = parseKeysetCursor(after, "text");
  return c ? { createdAt: c.at, id: c.id } : null;
}

/**
 * The actor's own notifications, newest first, with keyset pages on (createdAt, id) — the
 * (userId, createdAt) index serves it. Nobody reads another person's notifications, whatever the role.
 */
export async function listMyNotifications(
  db: DbOrTx,
  actor: UserActor,
  opts: { take?: number; after?: string } = {},
): Promise<{ rows: MyNotificationRow[]; next: string | null }> {
  const take = Math.max(1, Math.min(opts.take ?? NOTIFICATIONS_PAGE_SIZE, 100));
  const cursor = parseCursor(opts.after);
  const where: Prisma.NotificationWhereInput = {
    AND: [
      { userId: actor.userId },
      cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
    ],
  };
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { id: true, kind: true, messageKey: true, params: true, applicationId: true, createdAt: true, readAt: true },
  });
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  const next = rows.length > take && last ? `${last.createdAt.toISOString()}|${last.id}` : null;
  return { rows: page, next };
}
