import { getService } from "@/lib/law/catalogue";
import type { Db } from "@/lib/platform/db";
import { systemActor } from "@/lib/platform/auth";
import { resolveRecipients } from "@/lib/integration/notifications";
import { almatyDate, almatyMidnight } from "@/lib/platform/i18n";
import { closedCases } from "./indicator-sql";
import { resolveOrgScope } from "./org-scope";
import { lastDays } from "./period";
import { numberSetting } from "./settings";

export const ON_TIME_THRESHOLD_SETTING = "alerts.onTimeThreshold";
export const DEFAULT_ON_TIME_THRESHOLD = 0.9;
export const ALERT_KIND = "alert";
export const ON_TIME_ALERT_KEY = "supervisor.alert.on_time_below";
export const ALERT_WINDOW_DAYS = 30;

export type TOnTimeAlertResult = { threshold: number; checked: number; below: number; notified: number };

/** 0.9 and 90 both mean 90 %. */
function asFraction(v: number): number {
  return v > 1 ? v / 100 : v;
}

const pct = (v: number) => Math.round(v * 1000) / 10;

/**
 * Threshold alerts (scheduled daily or more often by the lead with pg-boss): for every (service,
 * organisation) whose on-time share 1.1 over the last 30 days is below `alerts.onTimeThreshold`
 * (default 0.9), every active supervisor whose scope covers the organisation gets ONE in-app
 * notification per Almaty day (kind "alert", message `supervisor.alert.on_time_below`).
 * Idempotent: a second run on the same day writes nothing; an advisory lock per alert key makes
 * concurrent runs safe too.
 */
export async function checkOnTimeAlerts(db: Db, { now }: { now: Date }): Promise<TOnTimeAlertResult> {
  const threshold = asFraction(await numberSetting(db, ON_TIME_THRESHOLD_SETTING, DEFAULT_ON_TIME_THRESHOLD));
  const scope = await resolveOrgScope(db, systemActor("on-time-alerts"));
  const rows = (await closedCases(db, lastDays(now, ALERT_WINDOW_DAYS), { scope })).filter((r) => r.g === 0 && r.organisationId && r.serviceCode);
  const orgs = new Map(scope.organisations.map((o) => [o.id, o]));
  const day = almatyDate(now);
  const dayStart = almatyMidnight(day);
  const result: TOnTimeAlertResult = { threshold, checked: rows.length, below: 0, notified: 0 };
  for (const r of rows) {
    const closed = Number(r.closed);
    const onTime = Number(r.on_time);
    if (closed === 0 || onTime / closed >= threshold) continue;
    result.below++;
    const org = orgs.get(r.organisationId!);
    const service = getService(r.serviceCode!);
    const dedupeKey = `on_time_below|${day}|${r.serviceCode}|${r.organisationId}`;
    // Per-locale names as separate parameters: each catalogue's text picks its own language.
    const params = {
      dedupeKey,
      day,
      serviceCode: r.serviceCode!,
      organisationId: r.organisationId!,
      share: pct(onTime / closed),
      threshold: pct(threshold),
      onTime,
      closed,
      days: ALERT_WINDOW_DAYS,
      serviceKk: service?.shortTitle.kk ?? r.serviceCode!,
      serviceRu: service?.shortTitle.ru ?? r.serviceCode!,
      serviceEn: service?.shortTitle.en ?? r.serviceCode!,
      organisationKk: org?.nameKk ?? "",
      organisationRu: org?.nameRu ?? "",
      organisationEn: org?.nameEn ?? "",
    };
    const userIds = await resolveRecipients(db, { kind: "supervisors", organisationId: r.organisationId! });
    if (userIds.length === 0) continue;
    result.notified += await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${dedupeKey}))`;
      const already = await tx.notification.findMany({
        where: { userId: { in: userIds }, kind: ALERT_KIND, createdAt: { gte: dayStart }, params: { path: ["dedupeKey"], equals: dedupeKey } },
        select: { userId: true },
      });
      const done = new Set(already.map((a) => a.userId));
      const todo = userIds.filter((u) => !done.has(u));
      if (todo.length === 0) return 0;
      const w = await tx.notification.createMany({ data: todo.map((userId) => ({ userId, kind: ALERT_KIND, messageKey: ON_TIME_ALERT_KEY, params, createdAt: now })) });
      return w.count;
    });
  }
  return result;
}
