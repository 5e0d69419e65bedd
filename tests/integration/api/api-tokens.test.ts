import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken, listApiTokens, MAX_ACTIVE_TOKENS, revokeApiToken } from "@/lib/integration/api-tokens";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createOrganisation, createSubject, createUser } from "../../factories";
import { createApiApplicant } from "../../factories/api";

const NOW = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe("createApiToken", () => {
  it("returns the plain token once and stores only its SHA-256, with an audit row naming the token, not its value", async () => {
    const { actor, token, apiToken } = await createApiApplicant(t.db, NOW, "  1C integration ");
    expect(token).toMatch(/^elk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    expect(apiToken).toEqual({ id: expect.any(String), name: "1C integration", createdAt: NOW, lastUsedAt: null, revokedAt: null });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "api_token.created", entityId: apiToken.id } });
    expect(audit).toMatchObject({ actorId: actor.userId, entityType: "api_token", data: { name: "1C integration" } });
    expect(JSON.stringify(audit.data)).not.toContain(token.slice(4));
  });

  it("is for applicants only, needs a name, and keeps at most MAX_ACTIVE_TOKENS live tokens", async () => {
    const org = await createOrganisation(t.db);
    const { actor: clerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: org.id });
    await expect(createApiToken(t.db, { actor: clerk, name: "x", now: NOW })).rejects.toThrow("auth.forbidden");
    const { actor: admin } = await createUser(t.db, "ADMIN");
    await expect(createApiToken(t.db, { actor: admin, name: "x", now: NOW })).rejects.toThrow("auth.forbidden");

    const subject = await createSubject(t.db);
    const { actor } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    await expect(createApiToken(t.db, { actor, name: "   ", now: NOW })).rejects.toMatchObject({
      code: "validation.failed",
      details: { fieldErrors: { name: "validation.required" } },
    });
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) made.push(await createApiToken(t.db, { actor, name: `t${i}`, now: NOW }));
    await expect(createApiToken(t.db, { actor, name: "one more", now: NOW })).rejects.toThrow("api.too_many_tokens");
    await revokeApiToken(t.db, { actor, tokenId: made[0]!.apiToken.id, now: NOW });
    await expect(createApiToken(t.db, { actor, name: "one more", now: NOW })).resolves.toMatchObject({ apiToken: { name: "one more" } });
  });
});

describe("listApiTokens / revokeApiToken", () => {
  it("lists and revokes only the actor's own tokens; revoking twice writes one audit row", async () => {
    const a = await createApiApplicant(t.db, NOW, "a-first");
    const second = await createApiToken(t.db, { actor: a.actor, name: "a-second", now: at(1) });
    const b = await createApiApplicant(t.db, NOW, "b-only");

    expect((await listApiTokens(t.db, a.actor)).map((x) => x.name)).toEqual(["a-second", "a-first"]);
    await expect(revokeApiToken(t.db, { actor: b.actor, tokenId: a.apiToken.id, now: at(2) })).rejects.toThrow("errors.not_found");
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: a.apiToken.id } })).revokedAt).toBeNull();

    const revoked = await revokeApiToken(t.db, { actor: a.actor, tokenId: a.apiToken.id, now: at(3) });
    expect(revoked).toMatchObject({ id: a.apiToken.id, revokedAt: at(3) });
    await revokeApiToken(t.db, { actor: a.actor, tokenId: a.apiToken.id, now: at(4) });
    expect(await t.db.auditEvent.count({ where: { type: "api_token.revoked", entityId: a.apiToken.id } })).toBe(1);
    // Live ones first, then the revoked.
    expect((await listApiTokens(t.db, a.actor)).map((x) => [x.name, x.revokedAt])).toEqual([
      ["a-second", null],
      ["a-first", at(3)],
    ]);
    expect(await authenticateApiToken(t.db, a.token, at(5))).toBeNull();
    expect(await authenticateApiToken(t.db, second.token, at(5))).toMatchObject({ actor: { userId: a.user.id, role: "APPLICANT", subjectId: a.subject.id } });
  });
});

describe("authenticateApiToken", () => {
  it("gives the applicant's actor; null for a malformed or unknown token, a deactivated account or a role no longer applicant", async () => {
    const a = await createApiApplicant(t.db, NOW, "auth");
    const ok = await authenticateApiToken(t.db, a.token, at(1));
    expect(ok).toEqual({ tokenId: a.apiToken.id, actor: a.actor });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: a.apiToken.id } })).lastUsedAt).toEqual(at(1));

    expect(await authenticateApiToken(t.db, "elk_short", at(1))).toBeNull();
    expect(await authenticateApiToken(t.db, `elk_${"x".repeat(43)}`, at(1))).toBeNull();
    await t.db.user.update({ where: { id: a.user.id }, data: { role: "EXECUTOR" } });
    expect(await authenticateApiToken(t.db, a.token, at(2))).toBeNull();
    await t.db.user.update({ where: { id: a.user.id }, data: { role: "APPLICANT", active: false } });
    expect(await authenticateApiToken(t.db, a.token, at(3))).toBeNull();
  });
});
