import { describe, expect, it } from "vitest";
import { almatyDate, almatyMidnight, almatyOffsetMs } from "@/lib/platform/i18n";

/**
 * The offset is cached per UTC hour (lib/platform/i18n/almaty-time.ts): it must still equal what
 * Intl says for every instant, across the zone's whole history (LMT, +6/+5, summer time until
 * 2004, +5 since 1 March 2024) and at every transition, to the millisecond.
 */
// The oracle is Intl asked directly, a copy of the module's formatter on purpose: the test must not use the cache it checks.
const oracle = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Almaty",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
function oracleOffset(ms: number): number {
  const p = Object.fromEntries(oracle.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall + (((ms % 1000) + 1000) % 1000) - ms;
}

const HOUR = 3_600_000;

/** The UTC instants where the zone's offset changes between 1900 and 2040 (found hour by hour, then to the ms). */
function transitions(): number[] {
  const out: number[] = [];
  let prev = oracleOffset(Date.UTC(1900, 0, 1));
  for (let h = Date.UTC(1900, 0, 1) + HOUR; h < Date.UTC(2040, 0, 1); h += HOUR) {
    const o = oracleOffset(h);
    if (o === prev) continue;
    let lo = h - HOUR;
    let hi = h;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (oracleOffset(mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push(hi);
    prev = o;
  }
  return out;
}

describe("Almaty's offset", () => {
  const changes = transitions();

  it("knows the zone's history (the switch to +5 on 1 March 2024 among them)", () => {
    expect(changes.length).toBeGreaterThan(20);
    expect(changes).toContain(Date.UTC(2024, 1, 29, 18, 0, 0));
    expect(almatyOffsetMs(new Date("2024-02-29T17:59:59.999Z"))).toBe(6 * HOUR);
    expect(almatyOffsetMs(new Date("2024-02-29T18:00:00.000Z"))).toBe(5 * HOUR);
  });

  it("equals Intl at and around every transition, to the millisecond", () => {
    for (const t of changes) {
      for (const d of [-HOUR, -60_001, -1000, -1, 0, 1, 999, 60_000, HOUR - 1, HOUR]) {
        expect(almatyOffsetMs(new Date(t + d)), new Date(t + d).toISOString()).toBe(oracleOffset(t + d));
      }
    }
  });

  it("equals Intl at 20,000 random instants between 1900 and 2040, and gives the same local date", () => {
    let seed = 42;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const from = Date.UTC(1900, 0, 1);
    const span = Date.UTC(2040, 0, 1) - from;
    for (let i = 0; i < 20_000; i++) {
      const ms = from + Math.floor(next() * span);
      const t = new Date(ms);
      expect(almatyOffsetMs(t), t.toISOString()).toBe(oracleOffset(ms));
      expect(almatyDate(t)).toBe(new Date(ms + oracleOffset(ms)).toISOString().slice(0, 10));
    }
  });

  it("finds local midnight on both sides of the 2024 switch", () => {
    expect(almatyMidnight("2024-02-29").toISOString()).toBe("2024-02-28T18:00:00.000Z");
    expect(almatyMidnight("2024-03-01").toISOString()).toBe("2024-02-29T19:00:00.000Z");
  });
});
