import { feeFor, getCatalogue, type TVariantCode } from "@/lib/law/catalogue";
import type { Db, Prisma, Variant } from "@/lib/platform/db";
import { notifyMany, resolveSubjectRecipients } from "@/lib/integration/notifications";
import { ZWorkflowData } from "@/lib/law/workflow";

const DAY_MS = 86_400_000;

export type ReminderOptions = {
  now: Date;
  /** A draft untouched this long, or a correction request open this long, gets a reminder. */
  idleDays?: number;
  /** At most one reminder per application in this many days. */
  repeatDays?: number;
  /** Drafts abandoned longer than this are not chased any more. */
  maxDraftAgeDays?: number;
  limit?: number;
};

export type ReminderResult = { paymentDue: number; correctionPending: number };

/**
 * Timed sweep for the applicant's own tasks (issue 5 §7 "due-soon for the applicant's own tasks"):
 * an unpaid draft of a service with a fee (nothing can be submitted before the fee is paid
 * [000 L197-198]) and a correction request the applicant has not answered (the service term is
 * stopped meanwhile). Each application is reminded at most once per `repeatDays`; overlapping runs
 * are serialised by an advisory lock, so nobody is told twice.
 */
export async function remindApplicantTasks(db: Db, opts: ReminderOptions): Promise<ReminderResult> {
  const { now } = opts;
  const idleBefore = new Date(now.getTime() - (opts.idleDays ?? 1) * DAY_MS);
  const repeatAfter = new Date(now.getTime() - (opts.repeatDays ?? 7) * DAY_MS);
  const take = opts.limit ?? 500;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('notifications.applicant_tasks'))`;
      const notRemindedSince = (kind: string): Prisma.ApplicationWhereInput => ({ notifications: { none: { kind, createdAt: { gt: repeatAfter } } } });

      const drafts = await tx.application.findMany({
        where: {
          status: "DRAFT",
          channel: "PORTAL",
          OR: paidVariants(),
          updatedAt: { lte: idleBefore, gte: new Date(now.getTime() - (opts.maxDraftAgeDays ?? 60) * DAY_MS) },
          payments: { none: { status: "PAID" } },
          ...notRemindedSince("payment_due"),
        },
        select: { id: true, serviceCode: true, variant: true, subjectId: true },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take,
      });

      const suspended = await tx.application.findMany({
        where: { status: "SUSPENDED", workflowData: { path: ["suspension", "kind"], equals: "correction" }, ...notRemindedSince("correction_pending") },
        select: { id: true, registrationNumber: true, subjectId: true, workflowData: true },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take,
      });
      const corrections = suspended.flatMap((a) => {
        const parsed = ZWorkflowData.safeParse(a.workflowData);
        const s = parsed.success ? parsed.data.suspension : undefined;
        return s && new Date(s.at) <= idleBefore ? [{ ...a, requestedAt: s.at, reason: s.reason }] : [];
      });

      const recipients = await resolveSubjectRecipients(tx, [...drafts, ...corrections].map((a) => a.subjectId));
      let paymentDue = 0;
      for (const d of drafts) {
        const quote = feeFor(d.serviceCode, variantCode(d.variant), now);
        if (quote.free) continue;
        const userIds = recipients.get(d.subjectId) ?? [];
        paymentDue += await notifyMany(tx, { userIds, kind: "payment_due", params: { service: d.serviceCode, amountKzt: quote.amountKzt }, applicationId: d.id, now });
      }
      let correctionPending = 0;
      for (const c of corrections) {
        const userIds = recipients.get(c.subjectId) ?? [];
        const params = { registrationNumber: c.registrationNumber ?? "", requestedAt: c.requestedAt, reason: c.reason };
        correctionPending += await notifyMany(tx, { userIds, kind: "correction_pending", params, applicationId: c.id, now });
      }
      return { paymentDue, correctionPending };
    },
    { timeout: 60_000 },
  );
}

const variantCode = (v: Variant) => v.toLowerCase() as TVariantCode;

/** (service, variants) pairs whose fee is not zero, from the catalogue data. */
function paidVariants(): Prisma.ApplicationWhereInput[] {
  return getCatalogue().services.flatMap((s) => {
    if (s.fee.kind === "free") return [];
    const variants = Object.entries(s.fee.mci)
      .filter(([, mci]) => (mci ?? 0) > 0)
      .map(([code]) => code.toUpperCase() as Variant);
    return variants.length ? [{ serviceCode: s.code, variant: { in: variants } }] : [];
  });
}
