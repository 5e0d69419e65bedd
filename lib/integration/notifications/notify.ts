import type { DbOrTx } from "@/lib/platform/db";
import { messageKeysOf, needsApplication, type NotificationKind, type NotificationParamsInput } from "./kinds";
import { parseParams } from "./params";

export type NotifyInput<K extends NotificationKind> = {
  userId: string;
  kind: K;
  params: NotificationParamsInput<K>;
  /** Required for kinds whose link is the application's page. */
  applicationId?: string | null;
  /** Business time of the event; becomes `createdAt`. */
  now: Date;
};

export type NotifyManyInput<K extends NotificationKind> = Omit<NotifyInput<K>, "userId"> & { userIds: readonly string[] };

function rowData<K extends NotificationKind>(kind: K, rawParams: unknown, applicationId: string | null | undefined, now: Date) {
  if (needsApplication(kind) && !applicationId) throw new Error(`notifications: kind "${kind}" needs an applicationId`);
  return {
    kind,
    messageKey: messageKeysOf(kind).base,
    params: parseParams(kind, rawParams) as object,
    applicationId: applicationId ?? null,
    createdAt: now,
  };
}

/**
 * Writes one in-app notification. Pass the transaction that makes the change it reports, so the
 * notification is committed (or rolled back) with it. E-mail, where the kind has that channel,
 * is sent later by `deliverPendingEmails` from the committed row.
 */
export async function notify<K extends NotificationKind>(tx: DbOrTx, input: NotifyInput<K>): Promise<{ id: string }> {
  return tx.notification.create({
    data: { userId: input.userId, ...rowData(input.kind, input.params, input.applicationId, input.now) },
    select: { id: true },
  });
}

/** The rows `notifyMany` writes (duplicates collapsed), for callers that write several notices in one statement. */
export function notificationRows<K extends NotificationKind>(input: NotifyManyInput<K>) {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const data = rowData(input.kind, input.params, input.applicationId, input.now);
  return userIds.map((userId) => ({ userId, ...data }));
}

/** The same notification to several users (duplicates collapsed); returns how many rows were written. */
export async function notifyMany<K extends NotificationKind>(tx: DbOrTx, input: NotifyManyInput<K>): Promise<number> {
  const data = notificationRows(input);
  if (data.length === 0) return 0;
  const r = await tx.notification.createMany({ data });
  return r.count;
}
