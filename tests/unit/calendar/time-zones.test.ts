import { describe, expect, it } from "vitest";
import { addWorkingTime, createCalendar, localDate, nextWorkingInstant, workingTimeBetween } from "@/lib/law/calendar";
import { at } from "./fixtures";

const almaty = createCalendar({ years: { from: 1996, to: 2030 } });

function platformOffsetMinutes(timeZone: string, t: Date): number | null {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(t)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!m) return name === "GMT" ? 0 : null;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

// The platform only serves as a cross-check when its tz data already has the 2024 change.
const platformKnows2024 = platformOffsetMinutes("Asia/Almaty", at("2025-01-01T00:00:00Z")) === 300;

describe("built-in Asia/Almaty offsets", () => {
  it.runIf(platformKnows2024)("agree with the platform tz database every 5 days from 1996 to 2030", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1996, 0, 1, 7); t < Date.UTC(2031, 0, 1); t += 5 * 86_400_000) {
      const d = new Date(t);
      const expected = platformOffsetMinutes("Asia/Almaty", d)!;
      const wall = new Date(t + expected * 60_000).toISOString().slice(0, 10);
      if (localDate(almaty, d) !== wall) mismatches.push(d.toISOString());
      // Opening time of that day computed by the calendar must be 09:00 local in the platform's offset.
      const opening = nextWorkingInstant(almaty, new Date(Date.parse(`${wall}T00:00:00Z`) - expected * 60_000));
      const openingOffset = platformOffsetMinutes("Asia/Almaty", opening)!;
      if (new Date(opening.getTime() + openingOffset * 60_000).toISOString().slice(11, 16) !== "09:00")
        mismatches.push(opening.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it("uses summer time +07:00 until October 2004", () => {
    expect(addWorkingTime(almaty, at("2003-07-01T09:00:00+07:00"), { value: 1, unit: "hours" })).toEqual(
      at("2003-07-01T10:00:00+07:00"),
    );
    expect(addWorkingTime(almaty, at("2003-12-01T09:00:00+06:00"), { value: 1, unit: "hours" })).toEqual(
      at("2003-12-01T10:00:00+06:00"),
    );
  });

  it("has a 25-hour 29 February 2024", () => {
    expect(localDate(almaty, at("2024-02-29T23:30:00+05:00"))).toBe("2024-02-29");
    expect(localDate(almaty, at("2024-02-29T23:30:00+06:00"))).toBe("2024-02-29");
    expect(localDate(almaty, at("2024-03-01T00:00:00+05:00"))).toBe("2024-03-01");
  });
});

describe("other IANA zones (offsets read from the platform once)", () => {
  it.runIf(platformOffsetMinutes("Europe/Berlin", at("2026-07-01T00:00:00Z")) === 120)(
    "handle daylight saving time",
    () => {
      const berlin = createCalendar({ timeZone: "Europe/Berlin", years: { from: 2026, to: 2026 } });
      // Fri 27 March 17:00 CET + 2 h: 90 min until 18:30, then Mon 30 March 09:00 CEST + 30 min
      // (the clocks changed on Sunday 29 March).
      expect(addWorkingTime(berlin, at("2026-03-27T17:00:00+01:00"), { value: 2, unit: "hours" })).toEqual(
        at("2026-03-30T09:30:00+02:00"),
      );
      expect(workingTimeBetween(berlin, at("2026-03-28T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"))).toBe(0);
    },
  );

  it("supports UTC", () => {
    const utc = createCalendar({ timeZone: "UTC", years: { from: 2026, to: 2026 } });
    expect(localDate(utc, at("2026-03-04T23:30:00Z"))).toBe("2026-03-04");
    expect(addWorkingTime(utc, at("2026-03-04T18:00:00Z"), { value: 1, unit: "hours" })).toEqual(
      at("2026-03-05T09:30:00Z"),
    );
  });
});
