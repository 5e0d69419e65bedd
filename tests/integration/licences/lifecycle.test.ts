import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLicenceForActor, resumeLicence, suspendLicence, terminateLicence } from "@/lib/cases/licences";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createUser } from "../../factories";
import { createLicensingSetup, issueTestLicence } from "../../factories/licences";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const issuedAt = new Date("2026-11-02T05:00:00Z");
const now = new Date("2026-11-30T05:00:00Z");
const meta = { ip: "10.0.0.7", userAgent: "vitest" };
const period = { from: new Date("2026-11-30T00:00:00+05:00"), to: new Date("2027-05-30T00:00:00+05:00") };

describe("suspend → resume → terminate", () => {
  it("changes the status each time with a status event and an audit row", async () => {
    const s = await createLicensingSetup(t.db);
    const lic = await issueTestLicence(t.db, s, { now: issuedAt });

    const r1 = await suspendLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "Сот шешімі / решение суда № 2-123", ...period }, { now, meta });
    expect(r1).toMatchObject({ from: "ACTIVE", to: "SUSPENDED", number: lic.number });
    expect(await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } })).toMatchObject({ status: "SUSPENDED", suspendedUntil: period.to });

    const later = new Date("2026-12-15T05:00:00Z");
    const r2 = await resumeLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "Нарушения устранены" }, { now: later, meta });
    expect(r2).toMatchObject({ from: "SUSPENDED", to: "ACTIVE" });
    expect(await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } })).toMatchObject({ status: "ACTIVE", suspendedUntil: null });

    const end = new Date("2027-01-20T05:00:00Z");
    await terminateLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "Лишение лицензии по решению суда" }, { now: end, meta });
    expect((await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } })).status).toBe("TERMINATED");

    const events = await t.db.licenceStatusEvent.findMany({ where: { licenceId: lic.licenceId }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.from, e.to, e.at.toISOString(), e.actorId])).toEqual([
      ["ACTIVE", "SUSPENDED", now.toISOString(), s.head.userId],
      ["SUSPENDED", "ACTIVE", later.toISOString(), s.head.userId],
      ["ACTIVE", "TERMINATED", end.toISOString(), s.head.userId],
    ]);
    expect(events[0]).toMatchObject({ periodFrom: period.from, periodTo: period.to, reason: "Сот шешімі / решение суда № 2-123" });

    const audit = await t.db.auditEvent.findMany({ where: { entityId: lic.licenceId, type: { startsWith: "licence." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.type)).toEqual(["licence.issued", "licence.suspended", "licence.resumed", "licence.terminated"]);
    expect(audit[1]).toMatchObject({ actorId: s.head.userId, organisationId: s.org.id, ip: "10.0.0.7", at: now });

    // Terminated is final.
    await expect(resumeLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "ошибка" }, { now: end })).rejects.toThrow("licences.transition_not_allowed");
    await expect(suspendLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "ещё раз", ...period }, { now: end })).rejects.toThrow("licences.transition_not_allowed");
  });

  it("validates the input: a reason, a period that ends after it starts, starts by now and has not ended", async () => {
    const s = await createLicensingSetup(t.db);
    const lic = await issueTestLicence(t.db, s, { now: issuedAt });
    await expect(suspendLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "", ...period }, { now })).rejects.toThrow("validation.required");
    await expect(suspendLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "причина", from: period.to, to: period.from }, { now })).rejects.toThrow("licences.period_invalid");
    await expect(suspendLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "причина", from: new Date("2026-12-01T00:00:00Z"), to: period.to }, { now })).rejects.toThrow("licences.period_starts_in_future");
    await expect(suspendLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "причина", from: issuedAt, to: new Date("2026-11-29T00:00:00Z") }, { now })).rejects.toThrow("licences.period_in_past");
    expect((await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } })).status).toBe("ACTIVE");
  });
});

describe("two officers at once", () => {
  it("the second of two concurrent suspensions loses on the compare-and-swap", async () => {
    const s = await createLicensingSetup(t.db);
    const lic = await issueTestLicence(t.db, s, { now: issuedAt });
    const { actor: deputy } = await createUser(t.db, "DEPUTY_HEAD", { organisationId: s.org.id });

    // Officer A has changed the status but not committed yet; officer B reads ACTIVE meanwhile.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = t.db.$transaction(
      async (tx) => {
        await tx.licence.update({ where: { id: lic.licenceId }, data: { status: "SUSPENDED" } });
        await gate;
      },
      { timeout: 20_000 },
    );
    const second = suspendLicence(t.db, deputy, { licenceId: lic.licenceId, reason: "проверка", ...period }, { now });
    // Wait until B's UPDATE is blocked on A's row lock, then let A commit.
    for (let i = 0; i < 200; i++) {
      const rows = await t.db.$queryRaw<{ n: bigint }[]>`select count(*)::bigint as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      if (Number(rows[0]!.n) > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await first;
    await expect(second).rejects.toThrow("licences.conflict");
    expect(await t.db.licenceStatusEvent.count({ where: { licenceId: lic.licenceId } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { entityId: lic.licenceId, type: "licence.suspended" } })).toBe(0);
  });

  it("of two suspensions fired together exactly one wins", async () => {
    const s = await createLicensingSetup(t.db);
    const lic = await issueTestLicence(t.db, s, { now: issuedAt });
    const { actor: deputy } = await createUser(t.db, "DEPUTY_HEAD", { organisationId: s.org.id });
    const results = await Promise.allSettled([
      suspendLicence(t.db, s.head, { licenceId: lic.licenceId, reason: "первый", ...period }, { now }),
      suspendLicence(t.db, deputy, { licenceId: lic.licenceId, reason: "второй", ...period }, { now }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(failed.reason)).toMatch(/licences\.(conflict|transition_not_allowed)/);
    expect(await t.db.licenceStatusEvent.count({ where: { licenceId: lic.licenceId } })).toBe(1);
  });
});

describe("permission and scope", () => {
  it("an officer of another organisation gets not found; staff without licence.manage are refused", async () => {
    const s = await createLicensingSetup(t.db);
    const other = await createLicensingSetup(t.db, { region: "atyrau" });
    const lic = await issueTestLicence(t.db, s, { now: issuedAt });
    await expect(suspendLicence(t.db, other.head, { licenceId: lic.licenceId, reason: "чужая", ...period }, { now })).rejects.toThrow("errors.not_found");
    await expect(terminateLicence(t.db, other.head, { licenceId: lic.licenceId, reason: "чужая" }, { now })).rejects.toThrow("errors.not_found");
    await expect(getLicenceForActor(t.db, other.head, lic.licenceId)).rejects.toThrow("errors.not_found");
    await expect(suspendLicence(t.db, s.executor, { licenceId: lic.licenceId, reason: "без права", ...period }, { now })).rejects.toThrow("auth.forbidden");
    await expect(suspendLicence(t.db, s.applicant, { licenceId: lic.licenceId, reason: "без права", ...period }, { now })).rejects.toThrow("auth.forbidden");
    await expect(suspendLicence(t.db, s.head, { licenceId: "00000000-0000-0000-0000-000000000000", reason: "нет такой", ...period }, { now })).rejects.toThrow("errors.not_found");
    expect((await t.db.licence.findUniqueOrThrow({ where: { id: lic.licenceId } })).status).toBe("ACTIVE");
    // Own organisation's head sees what they may do.
    expect((await getLicenceForActor(t.db, s.head, lic.licenceId)).actions).toEqual(["suspend", "terminate"]);
    expect((await getLicenceForActor(t.db, s.executor, lic.licenceId)).actions).toEqual([]);
  });
});
