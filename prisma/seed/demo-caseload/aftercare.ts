// After the first wave: re-issues and duplicates of issued licences (through the workflow again),
// suspensions, complaints (open, answered, overdue) and satisfaction surveys — each through its
// use case, at instants in the past.
import { suspendLicence } from "@/lib/cases/licences";
import { answerComplaint, fileComplaint, rateComplaint, takeComplaintInReview } from "@/lib/oversight/complaints";
import { submitSurvey } from "@/lib/oversight/survey";
import type { Db } from "@/lib/platform/db";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import type { VerificationContext } from "@/lib/trust/certificates";
import { officerByLogin, type Applicant, type Officer, type Signer } from "./cast";
import { drive, type DriveContext } from "./drive";
import { fileApplication } from "./file-application";
import { rng, type Rng } from "./random";

const DAY = 86_400_000;

type Ctx = {
  r: Rng;
  now: Date;
  byOrg: Map<string, Map<string, Officer[]>>;
  signers: Map<string, Signer>;
  applicants: Applicant[];
  context: VerificationContext;
  log: (m: string) => void;
  started: number;
};

export async function loadAftercare(db: Db, x: Ctx): Promise<{ applications: number }> {
  const { now } = x;
  const byUser = new Map(x.applicants.map((a) => [a.actor.subjectId!, a]));
  const licences = await db.licence.findMany({
    where: { status: "ACTIVE", tacit: false, application: { variant: "ISSUE" } },
    select: { id: true, organisationId: true, holderId: true, serviceCode: true, issuedAt: true, organisation: { select: { code: true } } },
    orderBy: { number: "asc" },
  });
  let applications = 0;
  // Re-issues and duplicates: every 6th licence gets one, a third of them still running.
  for (const [i, l] of licences.entries()) {
    if (i % 6 !== 2) continue;
    const applicant = byUser.get(l.holderId);
    if (!applicant) continue;
    const r = rng(90_001 + i);
    const variant = i % 12 === 2 ? "duplicate" : "reissue";
    const from = Math.max(l.issuedAt.getTime() + DAY, now.getTime() - 20 * DAY);
    const at = new Date(from + r.next() * (now.getTime() - from - DAY / 2));
    const calendar = await loadOrganisationCalendar(db, l.organisationId);
    const c: DriveContext = { db, r, officers: x.byOrg.get(l.organisationId) ?? new Map(), signer: x.signers.get(l.organisationId), calendar, context: x.context, now };
    const app = await fileApplication(c, { applicant, serviceCode: l.serviceCode, variant, organisationCode: l.organisation.code, at, baseLicenceId: l.id });
    const finish = r.chance(0.65);
    await drive(c, finish ? { app, target: { kind: "issued" }, from: at, until: new Date(Math.min(now.getTime() - 60_000, at.getTime() + 3 * DAY)) } : { app, target: { kind: "step", stepIndex: 1 + (i % 3) }, from: at, until: new Date(now.getTime() - 60_000) });
    applications++;
  }
  x.log(`demo caseload: ${applications} re-issues and duplicates (${Math.round((Date.now() - x.started) / 1000)} s)`);

  // Suspensions by the head (licence.manage): four licences.
  const active = await db.licence.findMany({ where: { status: "ACTIVE", tacit: false }, select: { id: true, organisationId: true }, orderBy: { number: "desc" }, take: 40 });
  let suspended = 0;
  for (const l of active.filter((_, i) => i % 9 === 4).slice(0, 4)) {
    const head = x.byOrg.get(l.organisationId)?.get("HEAD")?.[0];
    if (!head) continue;
    const from = new Date(now.getTime() - (3 + suspended) * DAY);
    await suspendLicence(db, head, { licenceId: l.id, reason: "Сот шешімі бойынша қызмет тоқтатыла тұрды", from: isoDate(from), to: isoDate(new Date(now.getTime() + 60 * DAY)) }, { now: new Date(from.getTime() + 3_600_000) });
    suspended++;
  }

  // Surveys on about half of the finished applications; complaints on some.
  const finished = await db.application.findMany({
    where: { status: { in: ["ISSUED", "REFUSED", "DEEMED_ISSUED"] }, closedAt: { not: null } },
    select: { id: true, subjectId: true, status: true, closedAt: true, organisationId: true },
    orderBy: { registrationNumber: "asc" },
  });
  let surveys = 0;
  let complaints = 0;
  for (const [i, a] of finished.entries()) {
    const applicant = byUser.get(a.subjectId);
    if (!applicant) continue;
    const r = rng(70_001 + i);
    const closed = a.closedAt!.getTime();
    if (r.chance(0.55)) {
      const good = a.status !== "REFUSED";
      const answer = () => (good ? (r.chance(0.8) ? 3 : 2) : r.chance(0.5) ? 1 : 2);
      await submitSurvey(db, { actor: applicant.actor, applicationId: a.id, answers: { q1Process: answer(), q2Information: answer(), q3Courtesy: answer(), q4Appeal: undefined }, now: new Date(Math.min(now.getTime() - 60_000, closed + r.next() * 2 * DAY)) });
      surveys++;
    }
    if (a.status === "REFUSED" || i % 17 === 5) {
      const filedAt = new Date(Math.min(now.getTime() - 3_600_000, closed + (0.5 + r.next() * 3) * DAY));
      const filed = await fileComplaint(db, {
        actor: applicant.actor,
        input: {
          kind: a.status === "REFUSED" ? "RESULT_DISAGREEMENT" : "IMPROPER_SERVICE",
          applicationId: a.id,
          addressee: "Қызмет берушінің басшысына",
          fullName: `${applicant.actor.name}`,
          postalAddress: applicant.subject.legalAddress ?? "Астана қ.",
          body: a.status === "REFUSED" ? "Бас тарту негізсіз деп санаймыз: барлық құжаттар ұсынылды." : "Өтінішті қарау мерзімі туралы хабарлама уақытында келмеді.",
          demands: "Шешімді қайта қарауды сұраймыз.",
        },
        now: filedAt,
      });
      complaints++;
      // A complaint about a Committee decision goes to the authorised body [004 L368-372]: the
      // ministry's supervisor handles it, not the Committee's own head.
      const { handlerKind } = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, select: { handlerKind: true } });
      const head = handlerKind === "authorised_body" ? await officerByLogin(db, "ministry.supervisor") : x.byOrg.get(a.organisationId)?.get("HEAD")?.[0];
      const answeredAt = new Date(filedAt.getTime() + (1 + r.next() * 4) * DAY);
      // Older ones answered (some rated), recent ones open; a few left past their term (overdue).
      if (head && answeredAt.getTime() < now.getTime() - DAY && !(i % 5 === 0)) {
        await takeComplaintInReview(db, { complaintId: filed.id, actor: head, now: new Date(filedAt.getTime() + 3_600_000) });
        await answerComplaint(db, { complaintId: filed.id, outcome: r.chance(0.7) ? "ANSWERED" : "REJECTED", answer: "Шағым қаралды, өтініш беруші хабардар етілді.", actor: head, now: answeredAt });
        if (r.chance(0.6)) await rateComplaint(db, { complaintId: filed.id, satisfied: 1 + r.int(0, 3), actor: applicant.actor, now: new Date(answeredAt.getTime() + 3_600_000) }).catch(() => {});
      }
    }
  }
  x.log(`demo caseload: ${suspended} suspensions, ${surveys} survey answers, ${complaints} complaints (${Math.round((Date.now() - x.started) / 1000)} s)`);
  return { applications };
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
