import { createHash } from "node:crypto";
import { expandNationalDays, kzHolidayData } from "@/lib/law/calendar";
import { getCatalogue } from "@/lib/law/catalogue";
import type { Db } from "@/lib/platform/db";
import { getOrganisations, getPublicServiceCentres } from "@/lib/law/organisations";
import { getRegulations } from "@/lib/law/regulations";

/** The catalogue mirrors its data file (always brought up to date); organisations are created when missing. */
export async function syncCatalogueAndOrganisations(db: Db) {
  const services = getCatalogue().services;
  for (const s of services) {
    const data = {
      standardNo: s.standardNo,
      kind: s.kind,
      providerLevel: s.providerLevel,
      titleKk: s.title.kk,
      titleRu: s.title.ru,
      titleEn: s.title.en,
      variants: s.variants.map((v) => v.code),
      electronic: s.channels.includes("portal"),
    };
    await db.service.upsert({ where: { code: s.code }, update: data, create: { code: s.code, ...data } });
  }
  for (const o of [...getOrganisations(), ...getPublicServiceCentres()]) {
    const data = {
      kind: o.kind === "committee" ? ("COMMITTEE" as const) : o.kind === "psc" ? ("PSC" as const) : ("REGIONAL" as const),
      region: o.region,
      nameKk: o.name.kk,
      nameRu: o.name.ru,
      nameEn: o.name.en,
      addressKk: o.address.kk,
      addressRu: o.address.ru,
      addressEn: o.address.en,
      phone: o.phone,
      email: o.email,
      web: o.web,
      workingHours: o.workingHours,
      receptionHours: o.receptionHours ?? undefined,
    };
    // Created from the data file once; afterwards administrators own names, addresses and hours.
    const org = await db.organisation.upsert({ where: { code: o.code }, update: {}, create: { code: o.code, ...data } });
    await db.organisationService.createMany({ data: o.services.map((serviceCode) => ({ organisationId: org.id, serviceCode })), skipDuplicates: true });
  }
  return { services: services.length, organisations: getOrganisations().length + getPublicServiceCentres().length };
}

/** National calendar years: created from the bundled data when missing; administrators' edits are kept. */
export async function seedCalendarYears(db: Db) {
  const data = kzHolidayData();
  const existing = new Set((await db.calendarYear.findMany({ select: { year: true } })).map((r) => r.year));
  let created = 0;
  for (let year = data.coverage.from; year <= data.coverage.to; year++) {
    if (existing.has(year)) continue;
    const days = expandNationalDays(data, year, year);
    await db.calendarYear.create({ data: { year, holidays: days.holidays, extraWorkingDays: days.extraWorkingDays, extraDaysOff: days.extraDaysOff } });
    created++;
  }
  return { created };
}

/**
 * Regulation versions from lib/law/regulations/data: created when missing. A version is immutable
 * once applications run under it, so a changed file for an existing version is reported, not applied.
 */
export async function syncRegulations(db: Db) {
  const orgs = new Map((await db.organisation.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]));
  let created = 0;
  const changed: string[] = [];
  for (const r of getRegulations()) {
    const definition = JSON.parse(JSON.stringify(r)) as object;
    const sha256 = createHash("sha256").update(JSON.stringify(definition)).digest("hex");
    const existing = await db.regulationVersion.findUnique({ where: { regulationId_version: { regulationId: r.id, version: r.version } }, select: { sha256: true } });
    if (existing) {
      if (existing.sha256 !== sha256) changed.push(`${r.id}@${r.version}`);
      continue;
    }
    await db.regulationVersion.create({
      data: {
        regulationId: r.id,
        version: r.version,
        serviceCode: r.scope.serviceCode,
        organisationId: r.scope.organisationCode ? (orgs.get(r.scope.organisationCode) ?? null) : null,
        region: r.scope.region ?? null,
        effectiveFrom: new Date(`${r.effectiveFrom}T00:00:00Z`),
        effectiveTo: r.effectiveTo ? new Date(`${r.effectiveTo}T00:00:00Z`) : null,
        definition,
        sha256,
      },
    });
    created++;
  }
  return { created, changed };
}
