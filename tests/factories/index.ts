import { randomInt } from "node:crypto";
import type { Db } from "@/lib/platform/db";
import { identifierChecksum, isValidBin, isValidIin } from "@/lib/platform/core";
import type { Actor } from "@/lib/platform/auth";
import { toSessionUser, sessionUserSelect } from "@/lib/platform/auth";

/** A unique valid BIN (resident legal entity, head unit) for one test. */
export function uniqueBin(): string {
  for (;;) {
    const p = `${String(randomInt(0, 25)).padStart(2, "0")}${String(randomInt(1, 13)).padStart(2, "0")}40${String(randomInt(0, 100000)).padStart(5, "0")}`;
    const c = identifierChecksum(p);
    if (c !== null && isValidBin(p + c)) return p + c;
  }
}

/** A unique valid IIN of a person born 1970–1999. */
export function uniqueIin(): string {
  for (;;) {
    const d = new Date(Date.UTC(randomInt(1970, 2000), randomInt(0, 12), randomInt(1, 29)));
    const p = `${String(d.getUTCFullYear() % 100).padStart(2, "0")}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}${randomInt(3, 5)}${String(randomInt(0, 10000)).padStart(4, "0")}`;
    const c = identifierChecksum(p);
    if (c !== null && isValidIin(p + c)) return p + c;
  }
}

let seq = 0;
const uid = () => `${Date.now().toString(36)}${(seq++).toString(36)}${randomInt(0, 1e6).toString(36)}`;

export async function createOrganisation(db: Db, over: Partial<{ code: string; region: string }> = {}) {
  const code = over.code ?? `org-${uid()}`;
  return db.organisation.create({
    data: {
      code,
      kind: "REGIONAL",
      region: over.region ?? code,
      nameKk: `${code} kk`,
      nameRu: `${code} ru`,
      nameEn: `${code} en`,
      workingHours: { start: "09:00", end: "18:00", breaks: [["13:00", "14:00"]] },
    },
  });
}

export async function createService(db: Db, code = "scrap-metal-licence") {
  return db.service.upsert({
    where: { code },
    update: {},
    create: { code, kind: "licence", providerLevel: "regional", titleKk: code, titleRu: code, titleEn: code, variants: ["issue", "reissue", "duplicate"] },
  });
}

type Role = Extract<Actor, { kind: "user" }>["role"];

export async function createUser(db: Db, role: Role, over: { organisationId?: string | null; subjectId?: string | null; supervisorScope?: "ORGANISATION" | "REGION" | "ALL" } = {}) {
  const user = await db.user.create({
    data: {
      login: `user-${uid()}`,
      passwordHash: "$2b$10$abcdefghijklmnopqrstuu3JhUL4u6E2V0dwkk8g3YcBz7LqI7u0m",
      role,
      surname: "Тестов",
      givenName: role,
      organisationId: over.organisationId ?? null,
      subjectId: over.subjectId ?? null,
      supervisorScope: over.supervisorScope ?? null,
    },
    select: sessionUserSelect,
  });
  const s = toSessionUser(user);
  const actor: Extract<Actor, { kind: "user" }> = { kind: "user", userId: s.userId, role: s.role, name: s.name, organisationId: s.organisationId, region: s.region, supervisorScope: s.supervisorScope, subjectId: s.subjectId, canSign: s.canSign };
  return { user, actor };
}

export async function createSubject(db: Db) {
  const bin = uniqueBin();
  return db.subject.create({ data: { kind: "LEGAL_ENTITY", identifier: bin, name: `ТОО ${bin}` } });
}

export async function createApplication(
  db: Db,
  o: { organisationId: string; subjectId: string; createdById: string; serviceCode?: string; status?: "DRAFT" | "SUBMITTED" | "IN_PROGRESS"; stepRole?: Role; stepDueAt?: Date; assigneeId?: string },
) {
  const subject = await db.subject.findUniqueOrThrow({ where: { id: o.subjectId } });
  return db.application.create({
    data: {
      serviceCode: o.serviceCode ?? "scrap-metal-licence",
      variant: "ISSUE",
      organisationId: o.organisationId,
      subjectId: o.subjectId,
      createdById: o.createdById,
      applicantName: subject.name,
      applicantIdentifier: subject.identifier,
      status: o.status ?? "IN_PROGRESS",
      stepRole: o.stepRole ?? null,
      stepDueAt: o.stepDueAt ?? null,
      assigneeId: o.assigneeId ?? null,
    },
  });
}
