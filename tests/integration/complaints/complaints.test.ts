import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { answerComplaint, extendComplaintTerm, fileComplaint, getComplaint, listComplaintQueue, listMyComplaints, rateComplaint, takeComplaintInReview, type TFileComplaintInput } from "@/lib/oversight/complaints";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { createApplicant, createSupervisor, insertApplication, insertStep, orgByCode } from "../../factories/metrics";

/**
 * Filed on Wednesday 15 April 2026 at 11:00 in Aktobe (06:00Z). The term is 15 calendar days of the
 * Law of 12 January 2007, art. 8 [004 L391-393] (lib/law/catalogue/data/complaints.json), the
 * acceptance day not counted: Thursday 30 April, end of the day (23:59:59.999 local = 18:59:59.999Z).
 */
const NOW = new Date("2026-04-15T06:00:00Z");
let t: TestDb;
let aktobe: string, atyrau: string;
let owner: Awaited<ReturnType<typeof createApplicant>>;
let stranger: UserActor, head: UserActor, executor: UserActor, atyrauExecutor: UserActor, aktobeSup: UserActor, atyrauSup: UserActor, ministry: UserActor;
let appId: string;

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  aktobe = (await orgByCode(t.db, "aktobe")).id;
  atyrau = (await orgByCode(t.db, "atyrau")).id;
  owner = await createApplicant(t.db);
  stranger = (await createApplicant(t.db)).actor;
  head = (await createUser(t.db, "HEAD", { organisationId: aktobe })).actor;
  await t.db.user.update({ where: { id: head.userId }, data: { surname: "Сәрсенбаев", givenName: "Әлібек", patronymic: "Маратұлы", canSign: true } });
  // A second head without the signing right is not the one who accepts.
  const other = (await createUser(t.db, "HEAD", { organisationId: aktobe })).actor;
  await t.db.user.update({ where: { id: other.userId }, data: { login: "aaa-first-login" } });
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: aktobe })).actor;
  atyrauExecutor = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
  aktobeSup = await createSupervisor(t.db, aktobe, "ORGANISATION");
  atyrauSup = await createSupervisor(t.db, atyrau, "ORGANISATION");
  ministry = await createSupervisor(t.db, (await orgByCode(t.db, "committee")).id, "ALL");
  const app = await insertApplication(t.db, { organisationId: aktobe, subjectId: owner.subject.id, createdById: owner.actor.userId, status: "REFUSED", dueAt: NOW, closedAt: NOW });
  appId = app.id;
  await insertStep(t.db, { applicationId: appId, seq: 1, stepKey: "review", startedAt: NOW, completedAt: NOW, assigneeId: executor.userId, completedById: executor.userId });
});
afterAll(async () => {
  await t?.drop();
});

const input = (over: Partial<TFileComplaintInput> = {}): TFileComplaintInput => ({
  kind: "RESULT_DISAGREEMENT",
  applicationId: appId,
  addressee: "Ақтөбе облысы басқармасының басшысы",
  fullName: "Иванов Иван Иванович",
  postalAddress: "Ақтөбе қ., Абай даңғылы 1",
  official: "Бөлім басшысы",
  body: "Бас тарту негізсіз.",
  demands: "Шешімді қайта қарау.",
  ...over,
});

describe("filing a complaint", () => {
  it("registers it with a ticket, the head's surname and initials, and the term of 15 calendar days [004 L391-393]", async () => {
    const c = await fileComplaint(t.db, { actor: owner.actor, input: input({ officerId: executor.userId }), now: NOW });
    expect(c.ticketNumber).toBe("C-2026-000001");
    expect(c.acceptedAt.toISOString()).toBe(NOW.toISOString());
    expect(c.dueAt.toISOString()).toBe("2026-04-30T18:59:59.999Z");
    const d = await getComplaint(t.db, owner.actor, c.id, NOW);
    expect(d).toMatchObject({ status: "REGISTERED", organisationId: aktobe, acceptedByShort: "Сәрсенбаев Ә. М.", official: "Бөлім басшысы", reasons: "Бас тарту негізсіз.", officerShort: expect.stringMatching(/^Тестов E\.$/), badge: "ON_TIME" });
    // The official is a column of its own; the body holds only the reasons.
    expect(await t.db.complaint.findUniqueOrThrow({ where: { id: c.id }, select: { officialName: true, body: true } })).toEqual({ officialName: "Бөлім басшысы", body: "Бас тарту негізсіз." });
    const n = await t.db.notification.findFirstOrThrow({ where: { kind: "complaint_registered", userId: owner.actor.userId } });
    expect(n.params).toEqual({ complaintId: c.id, ticketNumber: "C-2026-000001", answerBy: "2026-04-30T18:59:59.999Z" });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "complaint.filed", entityId: c.id } });
    expect(audit).toMatchObject({ organisationId: aktobe, applicationId: appId, actorId: owner.actor.userId });
  });

  it("extends the term once to 30 calendar days with notice to the applicant [004 L391-393]", async () => {
    const c = await fileComplaint(t.db, { actor: owner.actor, input: input({ answerChannel: "post" }), now: NOW });
    const row = await t.db.complaint.findUniqueOrThrow({ where: { id: c.id }, select: { handlerKind: true, answerChannel: true, termValue: true, termUnit: true } });
    expect(row).toEqual({ handlerKind: "provider_head", answerChannel: "post", termValue: 15, termUnit: "calendarDays" });
    const r = await extendComplaintTerm(t.db, { complaintId: c.id, actor: head, now: NOW });
    // 15 May 2026 is a Friday, a working day.
    expect(r.dueAt.toISOString()).toBe("2026-05-15T18:59:59.999Z");
    await expect(extendComplaintTerm(t.db, { complaintId: c.id, actor: head, now: NOW })).rejects.toMatchObject({ code: "complaints.already_extended" });
    const n = await t.db.notification.findFirstOrThrow({ where: { kind: "complaint_term_extended", userId: owner.actor.userId } });
    expect(n.params).toMatchObject({ complaintId: c.id, answerBy: "2026-05-15T18:59:59.999Z" });
  });

  it("routes disagreement with a Committee decision to the authorised body (Ministry) [004 L368-372], not the Committee head", async () => {
    const committee = (await orgByCode(t.db, "committee")).id;
    const committeeHead = (await createUser(t.db, "HEAD", { organisationId: committee })).actor;
    const app = await insertApplication(t.db, { organisationId: committee, subjectId: owner.subject.id, createdById: owner.actor.userId, status: "REFUSED", dueAt: NOW, closedAt: NOW, serviceCode: "processing-outside-rk-permit" });
    const c = await fileComplaint(t.db, { actor: owner.actor, input: input({ applicationId: app.id }), now: NOW });
    const row = await t.db.complaint.findUniqueOrThrow({ where: { id: c.id }, select: { handlerKind: true, acceptedById: true } });
    expect(row).toEqual({ handlerKind: "authorised_body", acceptedById: null });
    await expect(takeComplaintInReview(t.db, { complaintId: c.id, actor: committeeHead, now: NOW })).rejects.toMatchObject({ code: "errors.not_found" });
    await takeComplaintInReview(t.db, { complaintId: c.id, actor: ministry, now: NOW });
    // Improper service by the Committee stays with the Committee head.
    const d = await fileComplaint(t.db, { actor: owner.actor, input: input({ applicationId: app.id, kind: "IMPROPER_SERVICE" }), now: NOW });
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: d.id } })).handlerKind).toBe("provider_head");
    await takeComplaintInReview(t.db, { complaintId: d.id, actor: committeeHead, now: NOW });
  });

  it("numbers tickets uniquely per year, also under concurrency", async () => {
    const many = await Promise.all([1, 2, 3, 4, 5].map(() => fileComplaint(t.db, { actor: owner.actor, input: input({ applicationId: undefined, organisationId: atyrau, kind: "COURTESY" }), now: NOW })));
    const numbers = many.map((m) => m.ticketNumber).sort();
    expect(new Set(numbers).size).toBe(5);
    expect(numbers.every((x) => /^C-2026-0000(0[5-9])$/.test(x))).toBe(true);
    const next = await fileComplaint(t.db, { actor: owner.actor, input: input(), now: new Date("2027-01-05T06:00:00Z") });
    expect(next.ticketNumber).toBe("C-2027-000001");
  });

  it("refuses inconsistent or foreign references", async () => {
    await expect(fileComplaint(t.db, { actor: owner.actor, input: input({ applicationId: undefined }), now: NOW })).rejects.toMatchObject({ code: "complaints.organisation_required" });
    await expect(fileComplaint(t.db, { actor: owner.actor, input: input({ organisationId: atyrau }), now: NOW })).rejects.toMatchObject({ code: "complaints.organisation_mismatch" });
    await expect(fileComplaint(t.db, { actor: owner.actor, input: input({ officerId: atyrauExecutor.userId }), now: NOW })).rejects.toMatchObject({ code: "complaints.officer_not_found" });
    await expect(fileComplaint(t.db, { actor: stranger, input: input(), now: NOW })).rejects.toMatchObject({ code: "errors.not_found" });
    await expect(fileComplaint(t.db, { actor: aktobeSup, input: input(), now: NOW })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(fileComplaint(t.db, { actor: owner.actor, input: input({ body: "  " }), now: NOW })).rejects.toThrow();
  });
});

describe("handling a complaint", () => {
  it("REGISTERED → IN_REVIEW → ANSWERED, notified, rated once", async () => {
    const c = await fileComplaint(t.db, { actor: owner.actor, input: input(), now: NOW });
    await expect(answerComplaint(t.db, { complaintId: c.id, outcome: "ANSWERED", answer: "Жауап", actor: aktobeSup, now: NOW })).rejects.toMatchObject({ code: "complaints.invalid_transition" });
    await expect(rateComplaint(t.db, { complaintId: c.id, satisfied: 3, actor: owner.actor, now: NOW })).rejects.toMatchObject({ code: "complaints.not_answered" });
    await takeComplaintInReview(t.db, { complaintId: c.id, actor: aktobeSup, now: NOW });
    await expect(takeComplaintInReview(t.db, { complaintId: c.id, actor: head, now: NOW })).rejects.toMatchObject({ code: "complaints.invalid_transition" });
    const later = new Date("2026-04-20T06:00:00Z");
    await answerComplaint(t.db, { complaintId: c.id, outcome: "ANSWERED", answer: "Шешім қайта қаралады.", actor: head, now: later });
    const d = await getComplaint(t.db, owner.actor, c.id, later);
    expect(d).toMatchObject({ status: "ANSWERED", answer: "Шешім қайта қаралады.", handlerShort: "Сәрсенбаев Ә. М.", badge: "ANSWERED_ON_TIME" });
    expect(await t.db.notification.count({ where: { kind: "complaint_answered", userId: owner.actor.userId, params: { path: ["complaintId"], equals: c.id } } })).toBe(1);
    await expect(rateComplaint(t.db, { complaintId: c.id, satisfied: 3, actor: stranger, now: later })).rejects.toMatchObject({ code: "errors.not_found" });
    await rateComplaint(t.db, { complaintId: c.id, satisfied: 2, actor: owner.actor, now: later });
    await expect(rateComplaint(t.db, { complaintId: c.id, satisfied: 3, actor: owner.actor, now: later })).rejects.toMatchObject({ code: "complaints.already_rated" });
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: c.id } })).satisfied).toBe(2);
    const types = (await t.db.auditEvent.findMany({ where: { entityId: c.id }, orderBy: { id: "asc" } })).map((a) => a.type);
    expect(types).toEqual(["complaint.filed", "complaint.review_started", "complaint.answered", "complaint.rated"]);
  });

  it("REJECTED with reasons; handlers only within their scope", async () => {
    const c = await fileComplaint(t.db, { actor: owner.actor, input: input(), now: NOW });
    for (const outsider of [atyrauSup, executor, stranger]) {
      await expect(takeComplaintInReview(t.db, { complaintId: c.id, actor: outsider, now: NOW })).rejects.toMatchObject({ code: "errors.not_found" });
    }
    await expect(getComplaint(t.db, atyrauSup, c.id, NOW)).rejects.toMatchObject({ code: "errors.not_found" });
    await expect(getComplaint(t.db, stranger, c.id, NOW)).rejects.toMatchObject({ code: "errors.not_found" });
    await takeComplaintInReview(t.db, { complaintId: c.id, actor: ministry, now: NOW });
    await answerComplaint(t.db, { complaintId: c.id, outcome: "REJECTED", answer: "Шағым мерзімінен кеш берілді.", actor: ministry, now: NOW });
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REJECTED");
  });
});

describe("queues and badges", () => {
  it("the handler's queue: scope, nearest deadline first, on time / due soon / overdue", async () => {
    // A fresh complaint to Atyrau, checked at three instants against its term.
    const c = await fileComplaint(t.db, { actor: owner.actor, input: input({ applicationId: undefined, organisationId: atyrau }), now: NOW });
    const atyrauQueue = await listComplaintQueue(t.db, atyrauSup, { status: "REGISTERED" }, NOW);
    expect(atyrauQueue.rows.every((r) => r.organisationId === atyrau)).toBe(true);
    expect(atyrauQueue.rows.map((r) => r.id)).toContain(c.id);
    const dues = atyrauQueue.rows.map((r) => r.dueAt.getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect((await listComplaintQueue(t.db, aktobeSup, { status: "all" }, NOW)).rows.every((r) => r.organisationId === aktobe)).toBe(true);
    const badge = async (now: Date) => (await listComplaintQueue(t.db, ministry, { status: "open", take: 500 }, now)).rows.find((r) => r.id === c.id)!.badge;
    expect(await badge(NOW)).toBe("ON_TIME");
    // Atyrau works 08:30–18:00 with lunch 12:30–14:00 (8 h); 30 April 09:00 local leaves 7.5 h: due soon.
    expect(await badge(new Date("2026-04-30T04:00:00Z"))).toBe("DUE_SOON");
    expect(await badge(new Date("2026-04-30T19:00:01Z"))).toBe("OVERDUE");
    const mine = await listMyComplaints(t.db, owner.actor, NOW);
    expect(mine.length).toBeGreaterThanOrEqual(10);
    expect((await listMyComplaints(t.db, stranger, NOW)).length).toBe(0);
  });
});
