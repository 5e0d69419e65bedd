import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/platform/db";
import { lookupLegalEntity, requireActiveLegalEntity, SandboxLegalEntityRegistry } from "@/lib/integration/registries";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createOrganisation, createUser, uniqueBin } from "../../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.registryEntity.createMany({
    data: [
      {
        bin: "050340000009",
        name: "«Ақтөбе Металл Ресурс» ЖШС",
        legalAddress: "Ақтөбе қ., Әбілқайыр хан даңғылы, 58",
        headName: "Серікбаев Нұржан Төлегенұлы",
        headIin: "800115300002",
        registeredAt: new Date("2005-03-15"),
        status: "ACTIVE",
      },
      {
        bin: "200140000004",
        name: "«Жабылған Серіктестік» ЖШС",
        legalAddress: "Ақтөбе қ., Маресьев көшесі, 3",
        headName: "Тасболатов Ғалым",
        headIin: "700105300017",
        registeredAt: new Date("2020-01-20"),
        status: "LIQUIDATED",
      },
    ],
  });
});
afterAll(async () => {
  await t.drop();
});

const now = new Date("2026-11-30T05:00:00Z");

describe("legal-entity registry sandbox", () => {
  it("finds an active entity by BIN", async () => {
    const r = await new SandboxLegalEntityRegistry(t.db).lookupByBin(" 050340000009 ");
    expect(r).toEqual({
      status: "found",
      entity: {
        bin: "050340000009",
        name: "«Ақтөбе Металл Ресурс» ЖШС",
        legalAddress: "Ақтөбе қ., Әбілқайыр хан даңғылы, 58",
        headName: "Серікбаев Нұржан Төлегенұлы",
        headIin: "800115300002",
        registeredAt: "2005-03-15",
        status: "ACTIVE",
      },
    });
  });

  it("reports a valid but unknown BIN as not found, and a liquidated entity as liquidated", async () => {
    const reg = new SandboxLegalEntityRegistry(t.db);
    expect(await reg.lookupByBin(uniqueBin())).toEqual({ status: "not_found" });
    expect(await reg.lookupByBin("200140000004")).toMatchObject({ status: "liquidated", entity: { name: "«Жабылған Серіктестік» ЖШС", status: "LIQUIDATED" } });
    await expect(requireActiveLegalEntity(reg, "200140000004")).rejects.toThrow("registries.data_unavailable");
    await expect(requireActiveLegalEntity(reg, uniqueBin())).rejects.toThrow("registries.data_unavailable");
    await expect(requireActiveLegalEntity(reg, "050340000009")).resolves.toMatchObject({ headIin: "800115300002" });
  });

  it("refuses a BIN with a wrong check digit or format before asking", async () => {
    const reg = new SandboxLegalEntityRegistry(t.db);
    await expect(reg.lookupByBin("050340000008")).rejects.toThrow("validation.bin_invalid");
    await expect(reg.lookupByBin("05034000000")).rejects.toThrow("validation.bin_invalid");
    await expect(reg.lookupByBin("800115300002")).rejects.toThrow("validation.bin_invalid"); // an IIN, not a BIN
  });

  it("answers 'unavailable' when its database cannot be reached", async () => {
    const down = createDb("postgresql://postgres@127.0.0.1:1/nowhere");
    try {
      expect(await new SandboxLegalEntityRegistry(down).lookupByBin("050340000009")).toEqual({ status: "unavailable" });
    } finally {
      await down.$disconnect();
    }
  });

  it("audits who looked up which BIN and the outcome", async () => {
    const org = await createOrganisation(t.db);
    const { actor: clerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: org.id });
    const r = await lookupLegalEntity(t.db, new SandboxLegalEntityRegistry(t.db), { actor: clerk, bin: "200140000004", now, meta: { ip: "10.0.0.7" } });
    expect(r.status).toBe("liquidated");
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "registry.legal_entity_lookup", entityId: "200140000004" } });
    expect(audit).toMatchObject({ actorId: clerk.userId, organisationId: org.id, at: now, ip: "10.0.0.7" });
    expect(audit.data).toEqual({ outcome: "liquidated" });
  });
});
