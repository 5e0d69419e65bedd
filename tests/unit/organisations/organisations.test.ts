import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getOrganisation, getOrganisations, minutesOfDay, organisationsForService, parseOrganisations } from "@/lib/law/organisations";

const root = path.resolve(__dirname, "../../..");
const raw = () => JSON.parse(readFileSync(path.join(root, "lib/law/organisations/data/organisations.json"), "utf8")) as { organisations: Record<string, unknown>[] };
const REGIONS = [
  "astana", "pavlodar", "west-kazakhstan", "kostanay", "south-kazakhstan", "east-kazakhstan", "akmola", "aktobe",
  "karaganda", "kyzylorda", "mangystau", "north-kazakhstan", "almaty-city", "almaty-oblast", "zhambyl", "atyrau",
];

describe("organisations data", () => {
  it("has the Committee and the 16 bodies of appendix 1, in order", () => {
    const orgs = getOrganisations();
    expect(orgs).toHaveLength(17);
    expect(orgs.map((o) => o.code)).toEqual(["committee", ...REGIONS]);
    expect(orgs.filter((o) => o.kind === "regional")).toHaveLength(16);
    expect(getOrganisation("nope")).toBeUndefined();
  });

  it("gives every organisation valid working and reception hours", () => {
    for (const o of getOrganisations()) {
      for (const h of [o.workingHours, o.receptionHours]) {
        expect(minutesOfDay(h.start), o.code).toBeLessThan(minutesOfDay(h.end));
        for (const [a, b] of h.breaks) {
          expect(minutesOfDay(a)).toBeGreaterThan(minutesOfDay(h.start));
          expect(minutesOfDay(b)).toBeLessThan(minutesOfDay(h.end));
        }
      }
      expect(o.workingDays).toEqual([1, 2, 3, 4, 5]);
      for (const lang of ["kk", "ru", "en"] as const) {
        expect(o.name[lang].length).toBeGreaterThan(0);
        expect(o.address[lang].length).toBeGreaterThan(0);
        expect(o.regionName[lang].length).toBeGreaterThan(0);
      }
    }
  });

  it("reads the hours of appendix 1 (DIGEST §8)", () => {
    const hours = (code: string) => getOrganisation(code)!.workingHours;
    expect(hours("pavlodar")).toEqual({ start: "09:00", end: "18:30", breaks: [["13:00", "14:30"]] });
    expect(hours("west-kazakhstan")).toEqual({ start: "09:00", end: "18:30", breaks: [["13:00", "14:30"]] });
    expect(hours("atyrau")).toEqual({ start: "08:30", end: "18:00", breaks: [["12:30", "14:00"]] });
    expect(hours("mangystau")).toEqual({ start: "09:00", end: "18:30", breaks: [["12:30", "14:00"]] });
    for (const c of ["kyzylorda", "almaty-oblast", "zhambyl"]) expect(hours(c)).toEqual({ start: "09:00", end: "19:00", breaks: [["13:00", "15:00"]] });
    expect(hours("astana")).toEqual({ start: "09:00", end: "18:00", breaks: [["13:00", "14:00"]] });
    expect(hours("committee")).toEqual({ start: "09:00", end: "18:00", breaks: [["13:00", "14:30"]] });
    expect(getOrganisation("aktobe")!.receptionHours).toEqual({ start: "09:00", end: "17:00", breaks: [["13:00", "14:00"]] });
  });

  it("assigns services to providers", () => {
    expect(getOrganisation("committee")!.services).toHaveLength(12);
    expect(getOrganisation("committee")!.services).not.toContain("scrap-metal-licence");
    expect(organisationsForService("scrap-metal-licence").map((o) => o.code)).toEqual(REGIONS);
    expect(organisationsForService("grain-warehouse-receipts-licence")).toHaveLength(16);
    expect(organisationsForService("poisons-licence").map((o) => o.code)).toEqual(["committee"]);
    expect(organisationsForService("nope")).toEqual([]);
  });

  it("records the 2014 Atyrau provider without a second organisation (DIGEST §12.6)", () => {
    const atyrau = getOrganisation("atyrau")!;
    expect(atyrau.name.kk).toContain("Кәсіпкерлік және өнеркәсіп");
    expect(atyrau.otherNames).toHaveLength(1);
    expect(atyrau.otherNames[0]).toMatchObject({ year: 2014, sourceLines: ["000 L74-77"] });
    expect(atyrau.otherNames[0]!.name.kk).toContain("Энергетика");
    expect(getOrganisations().filter((o) => o.region === "atyrau")).toHaveLength(1);
  });
});

describe("organisations file validation", () => {
  it("names the file and the field of a broken schedule", () => {
    const data = raw();
    (data.organisations[2]!.workingHours as { breaks: string[][] }).breaks = [["19:00", "20:00"]];
    expect(() => parseOrganisations(data)).toThrow(/organisations\.json[\s\S]*organisations\[2\]\.workingHours\.breaks\[0\] \(code "pavlodar"\)/);
  });

  it("rejects malformed times and duplicate codes", () => {
    const data = raw();
    (data.organisations[1]!.workingHours as { start: string }).start = "9:00";
    data.organisations[3]!.code = "astana";
    let message = "";
    try {
      parseOrganisations(data, "orgs.json");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("orgs.json");
    expect(message).toContain('organisations[1].workingHours.start (code "astana"): expected "HH:MM"');
    expect(message).toMatch(/organisations\[3\]\.code.*duplicate code "astana"/);
  });
});
