import type { Db } from "@/lib/platform/db";
import { notifyMany } from "./notify";
import { resolveSubjectRecipients } from "./resolve-recipients";

const DAY_MS = 86_400_000;

/**
 * Timed sweep: tells the holder's users once that an active licence ends within `withinDays`
 * (default 30). Runs under a transaction-scoped advisory lock, so overlapping runs do not notify twice.
 * Returns the number of notifications written.
 */
export async function notifyExpiringLicences(db: Db, opts: { now: Date; withinDays?: number; limit?: number }): Promise<number> {
  const { now } = opts;
  const withinDays = opts.withinDays ?? 30;
  const until = new Date(now.getTime() + withinDays * DAY_MS);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('notifications.licence_expiring'))`;
      const licences = await tx.licence.findMany({
        where: { status: "ACTIVE", validTo: { gt: now, lte: until } },
        select: { id: true, number: true, serviceCode: true, validTo: true, holderId: true },
        orderBy: [{ validTo: "asc" }, { id: "asc" }],
        take: opts.limit ?? 500,
      });
      // Recipients and earlier notices for the whole batch in two queries. Once per licence and end
      // date: an extended licence is announced again.
      const recipients = await resolveSubjectRecipients(tx, licences.map((l) => l.holderId));
      const earlier = await tx.notification.findMany({
        where: {
          kind: "licence_expiring",
          userId: { in: [...recipients.values()].flat() },
          createdAt: { gte: new Date(now.getTime() - (withinDays + 1) * DAY_MS) },
        },
        select: { params: true },
      });
      const announced = new Set(earlier.map((n) => announcementKey(n.params)));
      let written = 0;
      for (const l of licences) {
        const userIds = recipients.get(l.holderId) ?? [];
        const validTo = l.validTo!.toISOString();
        if (userIds.length === 0 || announced.has(announcementKey({ licenceId: l.id, validTo }))) continue;
        written += await notifyMany(tx, {
          userIds,
          kind: "licence_expiring",
          params: { licenceId: l.id, licenceNumber: l.number, service: l.serviceCode, validTo },
          now,
        });
      }
      return written;
    },
    { timeout: 60_000 },
  );
}

function announcementKey(params: unknown): string {
  const p = (params ?? {}) as { licenceId?: unknown; validTo?: unknown };
  return `${String(p.licenceId)}|${String(p.validTo)}`;
}
