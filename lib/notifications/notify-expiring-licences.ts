import type { Db } from "@/lib/db";
import { notifyMany } from "./notify";
import { resolveRecipients } from "./resolve-recipients";

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
      let written = 0;
      for (const l of licences) {
        const userIds = await resolveRecipients(tx, { kind: "subject", subjectId: l.holderId });
        if (userIds.length === 0) continue;
        const validTo = l.validTo!.toISOString();
        // Once per licence and end date (an extended licence is announced again), looked up
        // through the (userId, createdAt) index.
        const already = await tx.notification.findFirst({
          where: {
            userId: { in: userIds },
            kind: "licence_expiring",
            createdAt: { gte: new Date(now.getTime() - (withinDays + 1) * DAY_MS) },
            AND: [{ params: { path: ["licenceId"], equals: l.id } }, { params: { path: ["validTo"], equals: validTo } }],
          },
          select: { id: true },
        });
        if (already) continue;
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
