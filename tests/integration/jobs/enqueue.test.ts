import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "@/lib/platform/jobs";
import { createTestDb, type TestDb } from "../../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const jobs = (name: string) => t.db.$queryRawUnsafe<{ data: unknown; start_after: Date }[]>(`select data, start_after from pgboss.job where name = $1`, name);

describe("enqueue inside a transaction", () => {
  it("commits the job with the transaction, at the requested time", async () => {
    const id = "6f1c6c2e-2f4b-4e44-9a55-1d6b7a0c9e01";
    const at = new Date("2030-01-02T04:00:00Z");
    await t.db.$transaction(async (tx) => {
      await enqueue(tx, "workflow.command", { applicationId: id, command: { type: "deadline_passed", deadline: "overall" } }, { startAfter: at });
    });
    const rows = await jobs("workflow.command");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toEqual({ applicationId: id, command: { type: "deadline_passed", deadline: "overall" } });
    expect(rows[0]!.start_after.toISOString()).toBe(at.toISOString());
  });

  it("leaves no job behind when the transaction rolls back", async () => {
    const before = (await jobs("workflow.command")).length;
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueue(tx, "workflow.command", { applicationId: "6f1c6c2e-2f4b-4e44-9a55-1d6b7a0c9e02", command: { type: "submit" } });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    expect((await jobs("workflow.command")).length).toBe(before);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    await expect(t.db.$transaction((tx) => enqueue(tx, "workflow.command", { applicationId: "not-a-uuid", command: {} }))).rejects.toThrow();
  });
});
