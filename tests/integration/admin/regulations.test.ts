import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activateRegulationFile, getRegulationVersion, listRegulationVersions, MAX_REGULATION_FILE_BYTES } from "@/lib/oversight/admin";
import { resolveRegulationVersion } from "@/lib/cases/applications";
import type { UserActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createApplication, createSubject, createUser } from "../../factories";
import { auditRows, domainError, meta } from "./helpers";

let t: TestDb;
let admin: UserActor;
let aktobeId: string;
const now = new Date("2026-11-30T05:00:00Z");
const DATA = path.resolve(__dirname, "../../../lib/law/regulations/data");
const seedBytes = (name: string) => new Uint8Array(readFileSync(path.join(DATA, name)));
/** A version as plain JSON, loose enough to break on purpose. */
type LooseVersion = Record<string, unknown> & { variants: Record<string, { steps: { role: string; term: unknown }[] }> };
const seedJson = (name: string) => JSON.parse(readFileSync(path.join(DATA, name), "utf8")) as { versions: LooseVersion[] };
const bytesOf = (json: unknown) => new TextEncoder().encode(JSON.stringify(json, null, 2));

/** The seeded Aktobe scrap regulation re-bound to the Aktobe body itself, in force from 2027. */
function aktobeOrgVersion(over: Record<string, unknown> = {}): LooseVersion {
  const v = structuredClone(seedJson("aktobe-2014-scrap.json").versions[0]!);
  return { ...v, id: "aktobe-2027-scrap-org", version: 1, scope: { organisationCode: "aktobe", serviceCode: "scrap-metal-licence", variants: ["issue", "reissue", "duplicate"] }, effectiveFrom: "2027-01-01", effectiveTo: null, ...over };
}

const scrapAt = (at: string) =>
  resolveRegulationVersion(t.db, { serviceCode: "scrap-metal-licence", variant: "ISSUE", organisation: { code: "aktobe", region: "aktobe" }, at: new Date(at) });

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  aktobeId = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  admin = (await createUser(t.db, "ADMIN")).actor;
});
afterAll(async () => {
  await t?.drop();
});

describe("regulation versions (admin)", () => {
  it("lists the seeded versions with binding, validity and the applications running under them", async () => {
    const seeded = await t.db.regulationVersion.findFirstOrThrow({ where: { regulationId: "aktobe-2014-scrap", version: 1 } });
    const { user: clerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: aktobeId });
    const subject = await createSubject(t.db);
    const app = await createApplication(t.db, { organisationId: aktobeId, subjectId: subject.id, createdById: clerk.id });
    await t.db.application.update({ where: { id: app.id }, data: { regulationVersionId: seeded.id } });

    const rows = await listRegulationVersions(t.db, admin, { now });
    const row = rows.find((r) => r.id === seeded.id)!;
    expect(row).toMatchObject({ regulationId: "aktobe-2014-scrap", version: 1, serviceCode: "scrap-metal-licence", region: "aktobe", effectiveFrom: "2014-06-29", effectiveTo: null, validity: "in_force", applications: 1, runningApplications: 1, activatedBy: null });
    expect(rows.find((r) => r.regulationId === "default-scrap-metal-licence")).toBeDefined();

    const detail = await getRegulationVersion(t.db, admin, seeded.id, { now });
    expect(detail.definition.variants.issue!.steps.map((s) => [s.key, s.role, s.action, s.term])).toEqual([
      ["register", "OFFICE_CLERK", "register", { value: 15, unit: "minutes" }],
      ["assign_executor", "HEAD", "assign", { value: 3, unit: "hours" }],
      ["review", "EXECUTOR", "work", { value: 5, unit: "workingDays" }],
      ["sign", "HEAD", "sign", { value: 3, unit: "hours" }],
      ["hand_over", "OFFICE_CLERK", "hand_over", { value: 15, unit: "minutes" }],
    ]);
    expect(detail.overruns).toEqual([]);
    // The Atyrau reissue chain (1 + 14 wd + 1 h) exceeds the 10-wd legal term [000 L133-138 vs 004 L7722-7724]: flagged with both numbers.
    const atyrau = await t.db.regulationVersion.findFirstOrThrow({ where: { regulationId: "atyrau-2014-scrap", version: 1 } });
    const flagged = await getRegulationVersion(t.db, admin, atyrau.id, { now });
    expect(flagged.overruns.map((o) => [o.variant, o.chain, o.legal, o.capped])).toEqual([
      ["issue", { workingDays: 15, calendarDays: 0, minutes: 60 }, { value: 15, unit: "workingDays" }, true],
      ["reissue", { workingDays: 15, calendarDays: 0, minutes: 60 }, { value: 10, unit: "workingDays" }, true],
      ["duplicate", { workingDays: 2, calendarDays: 0, minutes: 60 }, { value: 2, unit: "workingDays" }, true],
    ]);
  });

  it("activates a valid new version; resolveRegulationVersion chooses it for a later date only", async () => {
    const before = await scrapAt("2027-02-01T06:00:00Z");
    const seeded = await t.db.regulationVersion.findFirstOrThrow({ where: { regulationId: "aktobe-2014-scrap", version: 1 } });
    expect(before.regulationVersionId).toBe(seeded.id);

    const r = await activateRegulationFile(t.db, admin, { fileName: "aktobe-2027.json", bytes: bytesOf({ versions: [aktobeOrgVersion()] }) }, { now, meta });
    expect(r.unchanged).toEqual([]);
    expect(r.created).toEqual([{ id: expect.any(String), regulationId: "aktobe-2027-scrap-org", version: 1 }]);
    const row = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: r.created[0]!.id } });
    expect(row).toMatchObject({ organisationId: aktobeId, region: null, serviceCode: "scrap-metal-licence", activatedById: admin.userId, activatedAt: now, effectiveTo: null });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.effectiveFrom.toISOString()).toBe("2027-01-01T00:00:00.000Z");

    expect((await scrapAt("2027-02-01T06:00:00Z")).regulationVersionId).toBe(row.id);
    expect((await scrapAt("2026-12-30T06:00:00Z")).regulationVersionId).toBe(seeded.id);

    const [audit] = await auditRows(t.db, "admin.regulation_version_activated", row.id);
    expect(audit).toMatchObject({ actorId: admin.userId, organisationId: aktobeId, at: now });
    expect(audit!.data).toMatchObject({ regulationId: "aktobe-2027-scrap-org", version: 1, sha256: row.sha256, fileName: "aktobe-2027.json" });
    expect((await listRegulationVersions(t.db, admin, { now })).find((x) => x.id === row.id)).toMatchObject({ validity: "future", activatedBy: expect.stringContaining("Тестов") });
  });

  it("accepts a single version object as well as a file of versions", async () => {
    const single = aktobeOrgVersion({ id: "aktobe-2028-scrap-org", scope: { organisationCode: "aktobe", serviceCode: "scrap-metal-licence", variants: ["duplicate"] }, effectiveFrom: "2026-12-01", effectiveTo: "2026-12-31", variants: { duplicate: aktobeOrgVersion().variants.duplicate } });
    const r = await activateRegulationFile(t.db, admin, { fileName: "single.JSON", bytes: bytesOf(single) }, { now, meta });
    expect(r.created).toHaveLength(1);
  });

  it("refuses an invalid file and names every field at fault", async () => {
    const bad = aktobeOrgVersion({ id: "aktobe-2029-bad" });
    bad.variants.issue!.steps[0]!.role = "SUPERVISOR";
    bad.variants.reissue!.steps[2]!.term = { value: 1.5, unit: "workingDays" };
    const e = await domainError(activateRegulationFile(t.db, admin, { fileName: "bad.json", bytes: bytesOf({ versions: [bad] }) }, { now, meta }));
    expect(e.code).toBe("admin.regulations.file_invalid");
    const fieldErrors = e.details!.fieldErrors as Record<string, string>;
    expect(Object.keys(fieldErrors)).toEqual(expect.arrayContaining(["versions[0].variants.issue.steps[0].role", "versions[0].variants.reissue.steps[2].term.value"]));
    expect(await t.db.regulationVersion.count({ where: { regulationId: "aktobe-2029-bad" } })).toBe(0);
  });

  it("refuses a changed version under an existing id + version; an identical re-upload changes nothing", async () => {
    const same = await activateRegulationFile(t.db, admin, { fileName: "aktobe-2014-scrap.json", bytes: seedBytes("aktobe-2014-scrap.json") }, { now, meta });
    expect(same).toEqual({ created: [], unchanged: [{ id: expect.any(String), regulationId: "aktobe-2014-scrap", version: 1 }] });

    const changed = seedJson("aktobe-2014-scrap.json");
    changed.versions[0]!.variants.issue!.steps[2]!.term = { value: 4, unit: "workingDays" };
    const e = await domainError(activateRegulationFile(t.db, admin, { fileName: "aktobe-2014-scrap.json", bytes: bytesOf(changed) }, { now, meta }));
    expect(e).toMatchObject({ code: "admin.regulations.file_invalid", details: { fieldErrors: { "versions[0].version": "admin.regulations.version_exists" } } });
    const stored = await t.db.regulationVersion.findFirstOrThrow({ where: { regulationId: "aktobe-2014-scrap", version: 1 } });
    expect((stored.definition as { variants: { issue: { steps: { term: { value: number } }[] } } }).variants.issue.steps[2]!.term.value).toBe(5);
  });

  it("refuses a new version whose validity overlaps an active one of the same scope", async () => {
    const v2 = { ...structuredClone(seedJson("aktobe-2014-scrap.json").versions[0]!), version: 2, effectiveFrom: "2027-06-01" };
    const e = await domainError(activateRegulationFile(t.db, admin, { fileName: "aktobe-v2.json", bytes: bytesOf({ versions: [v2] }) }, { now, meta }));
    expect(Object.keys(e.details!.fieldErrors as object)).toEqual(["versions[0].effectiveFrom"]);
    expect((e.details!.fieldErrors as Record<string, string>)["versions[0].effectiveFrom"]).toMatch(/overlaps aktobe-2014-scrap v1/);
  });

  it("refuses unknown references and a start before today", async () => {
    const e = await domainError(
      activateRegulationFile(
        t.db,
        admin,
        {
          fileName: "refs.json",
          bytes: bytesOf(aktobeOrgVersion({ id: "refs-check", scope: { organisationCode: "nowhere", serviceCode: "scrap-metal-licence", variants: ["issue", "reissue", "duplicate"] }, effectiveFrom: "2026-11-29" })),
        },
        { now, meta },
      ),
    );
    expect(e.details!.fieldErrors).toEqual({ "scope.organisationCode": "admin.regulations.unknown_organisation", effectiveFrom: "admin.regulations.starts_in_past" });
  });

  it("refuses files that are too large, not .json or not JSON", async () => {
    const big = new Uint8Array(MAX_REGULATION_FILE_BYTES + 1).fill(32);
    expect((await domainError(activateRegulationFile(t.db, admin, { fileName: "big.json", bytes: big }, { now, meta }))).code).toBe("admin.regulations.file_too_large");
    expect((await domainError(activateRegulationFile(t.db, admin, { fileName: "reg.txt", bytes: bytesOf({}) }, { now, meta }))).code).toBe("admin.regulations.file_not_json");
    const broken = await domainError(activateRegulationFile(t.db, admin, { fileName: "broken.json", bytes: new TextEncoder().encode('{"versions": [') }, { now, meta }));
    expect(broken).toMatchObject({ code: "admin.regulations.invalid_json", details: { fieldErrors: { "(root)": expect.any(String) } } });
    expect((await domainError(activateRegulationFile(t.db, admin, { fileName: "latin1.json", bytes: new Uint8Array([0x7b, 0xe9, 0x7d]) }, { now, meta }))).code).toBe("admin.regulations.file_not_json");
  });

  it("is forbidden to anyone but an administrator", async () => {
    const { actor: head } = await createUser(t.db, "HEAD", { organisationId: aktobeId });
    const before = await t.db.regulationVersion.count();
    for (const p of [
      activateRegulationFile(t.db, head, { fileName: "x.json", bytes: bytesOf({ versions: [aktobeOrgVersion({ id: "by-head" })] }) }, { now, meta }),
      listRegulationVersions(t.db, head, { now }),
      getRegulationVersion(t.db, head, "00000000-0000-4000-8000-000000000000", { now }),
    ])
      expect((await domainError(p)).code).toBe("auth.forbidden");
    expect(await t.db.regulationVersion.count()).toBe(before);
  });
});
