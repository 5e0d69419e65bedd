// The living demo caseload (issue 11): ~300 applications over the last 90 days in the four
// regional bodies of the seeds and the Committee, loaded through the real use cases and the
// workflow engine, deterministic for a seed relative to `now`. Loaded once (a Setting marks it).
import { addWorkingTime } from "@/lib/law/calendar";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { definitionForVersion } from "@/lib/cases/applications";
import { getService, type TVariantCode } from "@/lib/law/catalogue";
import { sweepDeadlines } from "@/lib/cases/deadline-sweep";
import type { Db } from "@/lib/platform/db";
import { getVerificationContext } from "@/lib/trust/certificates";
import { loadApplicants, loadOfficers, type Applicant } from "./cast";
import { drive, type DriveContext, type Target } from "./drive";
import { fileApplication } from "./file-application";
import { loadAftercare } from "./aftercare";
import { rng, type Rng } from "./random";

export const CASELOAD_SETTING = "demo.caseload";
export const DEFAULT_CASELOAD_SEED = 2026;

type OrgPlan = { code: string; services: string[]; n: number };
export const CASELOAD_PLAN: OrgPlan[] = [
  { code: "aktobe", services: ["scrap-metal-licence"], n: 70 },
  { code: "atyrau", services: ["scrap-metal-licence"], n: 45 },
  { code: "west-kazakhstan", services: ["scrap-metal-licence"], n: 35 },
  { code: "east-kazakhstan", services: ["grain-warehouse-receipts-licence"], n: 55 },
  { code: "committee", services: ["poisons-licence", "export-import-licence", "explosives-pyrotechnics-licence", "chemical-product-registration"], n: 70 },
];

const DAY = 86_400_000;
const TACIT_FREE = new Set(["grain-warehouse-receipts-licence", "chemical-product-registration"]);
const HOUR = 3_600_000;

export type CaseloadResult = { loaded: boolean; reason?: string; applications: number; seconds: number };

/** Loads the caseload unless it is there (or a previous load was interrupted). */
export async function loadDemoCaseload(db: Db, o: { now: Date; seed?: number; log?: (m: string) => void; scale?: number }): Promise<CaseloadResult> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const mark = await db.setting.findUnique({ where: { key: CASELOAD_SETTING } });
  if (mark) {
    const v = mark.value as { state?: string };
    return { loaded: false, reason: v.state === "done" ? "already loaded" : "an earlier load was interrupted (reset the database to load it again)", applications: 0, seconds: 0 };
  }
  const seed = o.seed ?? DEFAULT_CASELOAD_SEED;
  const now = o.now;
  await db.setting.create({ data: { key: CASELOAD_SETTING, value: { state: "loading", seed, at: now.toISOString() } } });
  const r = rng(seed);
  const { byOrg, signers } = await loadOfficers(db, now);
  const applicants = await loadApplicants(db, r, { extra: 5, now });
  const context = await getVerificationContext(db, now);
  log(`demo caseload: ${applicants.length} applicants with EDS, officers of ${byOrg.size} organisations ready (${sec(started)} s)`);

  const total = CASELOAD_PLAN.reduce((s, p) => s + Math.max(1, Math.round(p.n * (o.scale ?? 1))), 0);
  let done = 0;
  // Independent applications run a few at a time (each has its own random stream, so the cases are
  // the same whatever the interleaving; only the order of registration numbers may differ).
  const jobs: (() => Promise<unknown>)[] = [];
  for (const [oi, plan] of CASELOAD_PLAN.entries()) {
    const org = await db.organisation.findUniqueOrThrow({ where: { code: plan.code } });
    const calendar = await loadOrganisationCalendar(db, org.id);
    const c: DriveContext = { db, r, officers: byOrg.get(org.id) ?? new Map(), signer: signers.get(org.id), calendar, context, now };
    const n = Math.max(1, Math.round(plan.n * (o.scale ?? 1)));
    let ordinal = 0;
    for (let i = 0; i < n; i++) {
      const ar = rng(seed * 7919 + oi * 1009 + i);
      // Two in five are still running; those cycle through every step of the organisation's chain.
      const running = i % 5 === 1 || i % 5 === 3 ? ordinal++ : null;
      jobs.push(async () => {
        await oneApplication({ ...c, r: ar }, { plan, index: i, running, organisationCode: org.code, applicants: eligible(applicants, plan.services) });
        done++;
        if (done % 25 === 0 || done === total) log(`demo caseload: ${done}/${total} applications (${sec(started)} s)`);
      });
    }
  }
  await pool(jobs, CONCURRENCY);
  const after = await loadAftercare(db, { r, now, byOrg, signers, applicants, context, log, started });
  log("demo caseload: deadline sweep …");
  await sweepDeadlines(db, { now });
  const applications = done + after.applications;
  await db.setting.update({ where: { key: CASELOAD_SETTING }, data: { value: { state: "done", seed, at: now.toISOString(), applications, seconds: sec(started) } } });
  return { loaded: true, applications, seconds: sec(started) };
}

const CONCURRENCY = Number(process.env.DEMO_CASELOAD_CONCURRENCY ?? 6);

/**
 * Runs `jobs` `size` at a time. After a failure no new job starts, and the first error is thrown only
 * once the running ones have settled: a caller that then disconnects must not pull the connections
 * from under jobs still in a transaction (that hung the process instead of failing it).
 */
async function pool(jobs: (() => Promise<unknown>)[], size: number): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < jobs.length) {
      try {
        await jobs[next++]!();
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(size, jobs.length) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
}

const sec = (t: number) => Math.round((Date.now() - t) / 100) / 10;

/** Companies file the demo applications (every service of the caseload is offered to legal entities). */
function eligible(all: Applicant[], _services: string[]): Applicant[] {
  return all.filter((a) => a.subject.kind === "LEGAL_ENTITY");
}

/**
 * One application: its age (0–90 days) decides whether it is finished (issued, refused, deemed
 * issued) or still running, and where; the running ones cycle through every step of the chain.
 */
async function oneApplication(c: DriveContext, o: { plan: OrgPlan; index: number; running: number | null; organisationCode: string; applicants: Applicant[] }) {
  const { r, now } = c;
  const serviceCode = o.plan.services[o.index % o.plan.services.length]!;
  const applicant = r.pick(o.applicants);
  const running = o.running !== null;
  // Running: submitted within the overall term (15 working days ≈ 3 weeks); finished: up to 90 days ago.
  // Without tacit approval (grain warehouses, chemical products) a case can sit past its term: overdue.
  const maxRunningDays = TACIT_FREE.has(serviceCode) ? 34 : 19;
  let age = running ? 0.05 * DAY + r.next() * maxRunningDays * DAY : 4 * DAY + Math.pow(r.next(), 0.8) * 86 * DAY;
  const dueToday = o.running !== null && o.running % 9 === 4;
  if (dueToday) age = 0; // set below
  let at = new Date(now.getTime() - age);
  if (dueToday) at = submitTimeForDueToday(c, now);
  const variant = (getService(serviceCode)?.variants[0]?.code ?? "issue") as TVariantCode;
  const app = await fileApplication(c, { applicant, serviceCode, variant, organisationCode: o.organisationCode, at });
  const def = await definitionForVersion(c.db, app.regulationVersionId!, app.variant);
  if (running) {
    const stepIndex = o.running! % def.steps.length;
    if (stepIndex === 0) return app;
    // The current step started a while ago: a part of the running ones are overdue on their step.
    const lag = (0.05 + r.next() * 0.5) * (now.getTime() - at.getTime());
    const pin = o.running! % 6 === 2 ? { from: new Date(now.getTime() + 0.5 * HOUR), to: new Date(now.getTime() + 3 * HOUR) } : undefined;
    return drive(c, { app, target: { kind: "step", stepIndex }, from: at, until: new Date(now.getTime() - lag), pinStepDue: pin });
  }
  const roll = r.next();
  const target: Target = roll < 0.68 ? { kind: "issued", paper: r.chance(0.2) } : roll < 0.86 ? { kind: "refused" } : def.tacitApproval && now.getTime() - at.getTime() > 26 * DAY ? { kind: "tacit" } : { kind: "issued" };
  const span = Math.min(now.getTime() - at.getTime() - HOUR, (3 + r.next() * 15) * DAY);
  return drive(c, { app, target, from: at, until: new Date(at.getTime() + span) });
}

/** A submission instant whose overall term ends later today (Almaty), found on the calendar. */
function submitTimeForDueToday(c: DriveContext, now: Date): Date {
  const term = { value: 15, unit: "workingDays" as const };
  let lo = now.getTime() - 40 * DAY;
  let hi = now.getTime() - HOUR;
  const target = now.getTime() + 0.25 * HOUR;
  for (let k = 0; k < 50; k++) {
    const mid = Math.floor((lo + hi) / 2);
    const due = addWorkingTime(c.calendar, new Date(mid), term).getTime();
    if (due < target) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

export type { Rng };
