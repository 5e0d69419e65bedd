import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/platform/core";
import { buildDraftSchema, buildFormSchema, documentSlots, fieldIssues, formDefinition, getService, schemaForFields } from "@/lib/law/catalogue";

const scrap = getService("scrap-metal-licence")!;
const mining = getService("mining-chemical-production-licence")!;
const valid = {
  activitySubtypes: ["ferrous-collection", "ferrous-storage"],
  activityAddress: "Атырау қ., Әйтеке би к-сі, 1",
  contactPhone: "8 (701) 123-45-67",
  contactEmail: "office@example.kz",
};
const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("formDefinition", () => {
  it("lists the fields in order for each variant", () => {
    const names = (v: Parameters<typeof formDefinition>[1]) => formDefinition(scrap, v).map((f) => f.name);
    expect(names("issue")).toEqual(["activitySubtypes", "activityAddress", "contactPhone", "contactEmail"]);
    expect(names("reissue")).toEqual(["reissueGround", "changeDate", "previousLicenceNumber", "activitySubtypes", "activityAddress", "contactPhone", "contactEmail"]);
    expect(names("duplicate")).toEqual(["duplicateReason", "previousLicenceNumber", "activityAddress", "contactPhone", "contactEmail"]);
    expect(formDefinition(mining, "annex").map((f) => f.name)).toEqual(["previousLicenceNumber", "activitySubtypes", "activityAddress", "contactPhone", "contactEmail"]);
  });

  it("takes options from the catalogue", () => {
    const subtypes = formDefinition(scrap, "issue")[0]!;
    expect(subtypes).toMatchObject({ kind: "multiselect", required: true, minItems: 1, label: "catalogue.form.activitySubtypes" });
    expect(subtypes.options).toHaveLength(8);
    const ground = formDefinition(scrap, "reissue")[0]!;
    expect(ground.options!.map((o) => o.value)).toEqual(["le_reorganized", "le_name_address_changed", "activity_type_renamed"]);
    expect(ground.options![0]!.label.kk).toContain("біріктіру");
  });

  it("offers only new sub-types for an annex", () => {
    const f = formDefinition(mining, "annex", { currentSubtypes: ["design"] }).find((x) => x.name === "activitySubtypes")!;
    expect(f.options!.map((o) => o.value)).toEqual(["mining-operation", "chemical-operation"]);
    expect(f.label).toBe("catalogue.form.newActivitySubtypes");
  });

  it("pre-selects the only sub-type of a single-subject service", () => {
    const permit = getService("export-control-transit-permit")!;
    expect(formDefinition(permit, "issue")[0]!.defaultValue).toEqual(["transit"]);
  });

  it("rejects variants the service does not offer", () => {
    expect(() => formDefinition(scrap, "annex")).toThrow(DomainError);
  });
});

describe("buildFormSchema", () => {
  it("accepts a valid issue application, normalizes the phone and strips unknown fields", () => {
    const r = buildFormSchema(scrap, "issue").safeParse({ ...valid, isAdmin: true, activityAddress: "  Atyrau  " });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ ...valid, activityAddress: "Atyrau", contactPhone: "+77011234567" });
  });

  it("requires at least one sub-type and every required field", () => {
    const r = buildFormSchema(scrap, "issue").safeParse({ activitySubtypes: [] });
    expect(issuesOf(r)).toEqual({
      activitySubtypes: "catalogue.validation.min_one",
      activityAddress: "validation.required",
      contactPhone: "validation.required",
      contactEmail: "validation.required",
    });
    expect(issuesOf(buildFormSchema(scrap, "issue").safeParse({ ...valid, activitySubtypes: undefined }))).toEqual({ activitySubtypes: "validation.required" });
  });

  it("requires the reissue ground and the licence number for a reissue", () => {
    const schema = buildFormSchema(scrap, "reissue");
    expect(issuesOf(schema.safeParse(valid))).toEqual({ reissueGround: "validation.required", changeDate: "validation.required", previousLicenceNumber: "validation.required" });
    expect(issuesOf(schema.safeParse({ ...valid, reissueGround: "individual_name_changed", changeDate: "2026-04-01", previousLicenceNumber: "12345" }))).toEqual({
      reissueGround: "validation.invalid_value", // not a ground of the scrap standard
    });
    expect(schema.safeParse({ ...valid, reissueGround: "le_reorganized", changeDate: "2026-04-01", previousLicenceNumber: "12345" }).success).toBe(true);
  });

  it("validates a duplicate without sub-types", () => {
    const schema = buildFormSchema(scrap, "duplicate");
    const { activitySubtypes: _drop, ...rest } = valid;
    const r = schema.safeParse({ ...rest, activitySubtypes: ["ferrous-sale"], duplicateReason: "lost", previousLicenceNumber: "KZ-1" });
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty("activitySubtypes");
    expect(issuesOf(schema.safeParse({ ...rest, duplicateReason: "stolen", previousLicenceNumber: "KZ-1" }))).toEqual({ duplicateReason: "validation.invalid_value" });
  });

  it("checks formats and option membership", () => {
    const r = buildFormSchema(scrap, "issue").safeParse({
      ...valid,
      activitySubtypes: ["ferrous-sale", "gold-mining", "ferrous-sale"],
      contactPhone: "12345",
      contactEmail: "not-an-email",
      activityAddress: 42,
    });
    expect(issuesOf(r)).toEqual({
      "activitySubtypes.1": "validation.invalid_value",
      "activitySubtypes.2": "catalogue.validation.duplicate_option",
      contactPhone: "validation.phone",
      contactEmail: "validation.email",
      activityAddress: "validation.invalid_type",
    });
  });

  it("refuses an annex sub-type already on the licence", () => {
    const schema = buildFormSchema(mining, "annex", { currentSubtypes: ["design"] });
    const r = schema.safeParse({ ...valid, previousLicenceNumber: "L-1", activitySubtypes: ["design", "mining-operation"] });
    expect(issuesOf(r)).toEqual({ "activitySubtypes.0": "catalogue.validation.subtype_already_licensed" });
  });
});

describe("buildDraftSchema", () => {
  it("accepts partial drafts with the same fields and types; blanks are dropped", () => {
    const schema = buildDraftSchema(scrap, "reissue");
    expect(schema.safeParse({}).success).toBe(true);
    const r = schema.safeParse({ contactPhone: "8 701 123 45 67", reissueGround: "", activitySubtypes: [], extra: "x" });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ contactPhone: "8 701 123 45 67" });
    expect(issuesOf(schema.safeParse({ activitySubtypes: "ferrous-sale", contactEmail: 5 }))).toEqual({
      activitySubtypes: "validation.invalid_type",
      contactEmail: "validation.invalid_type",
    });
  });

  it("a present value must be valid: the same messages as the submission schema (issue 12 point 1)", () => {
    const draft = buildDraftSchema(scrap, "issue");
    const full = buildFormSchema(scrap, "issue");
    const bad = { contactEmail: "office@", contactPhone: "8701", activitySubtypes: ["nonsense"] };
    const draftIssues = issuesOf(draft.safeParse(bad));
    expect(draftIssues).toEqual({ contactEmail: "validation.email", contactPhone: "validation.phone", "activitySubtypes.0": "validation.invalid_value" });
    const fullIssues = issuesOf(full.safeParse({ ...valid, ...bad }));
    expect(fullIssues).toEqual(draftIssues);
  });

  it("schemaForFields builds the same schema from the descriptors alone (what the browser runs)", () => {
    const fields = formDefinition(scrap, "issue");
    expect(issuesOf(schemaForFields(fields, "draft").safeParse({ contactEmail: "office@" }))).toEqual({ contactEmail: "validation.email" });
    expect(fieldIssues(schemaForFields(fields, "submit").safeParse({}).error!)).toMatchObject({ contactEmail: "validation.required", activityAddress: "validation.required" });
  });
});

describe("documentSlots", () => {
  it("returns portal uploads and the paper package separately", () => {
    expect(documentSlots(scrap, "issue", "portal").map((d) => d.key)).toEqual(["charter_scan", "qualification_documents"]);
    expect(documentSlots(scrap, "issue", "provider").map((d) => d.key)).toEqual([
      "application",
      "charter",
      "tax_registration_certificate",
      "licence_fee_receipt",
      "qualification_documents",
    ]);
    expect(documentSlots(scrap, "duplicate", "portal")).toEqual([]);
  });

  it("filters by recipient category", () => {
    const all = documentSlots(mining, "issue", "provider").map((d) => d.key);
    const le = documentSlots(mining, "issue", "provider", "legal_entity").map((d) => d.key);
    const ie = documentSlots(mining, "issue", "provider", "individual_entrepreneur").map((d) => d.key);
    expect(all).toHaveLength(7);
    expect(le).toEqual(["application", "charter", "tax_registration_certificate", "licence_fee_receipt", "qualification_documents"]);
    expect(ie).toContain("ie_registration_certificate");
    expect(ie).not.toContain("charter");
  });

  it("refuses a channel the standard does not offer", () => {
    const permit = getService("export-control-transit-permit")!;
    expect(() => documentSlots(permit, "issue", "portal")).toThrow("catalogue.channel_not_offered");
    expect(documentSlots(permit, "issue", "provider")).toHaveLength(10);
  });
});
