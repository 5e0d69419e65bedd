import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramPercentile, histogramStats, mergeBuckets, type THistogramBucket } from "@/lib/oversight/metrics/step-histogram";
import { splitByMonths } from "@/lib/oversight/metrics/step-durations";
import { resolvePeriod } from "@/lib/oversight/metrics";

/** The bucket of metrics_duration_bucket (SQL): floor(8 · log2(1 + minutes)). */
const bucketOf = (m: number) => Math.floor(8 * Math.log2(1 + m) + 1e-9);

function histogram(values: number[]): THistogramBucket[] {
  return mergeBuckets(values.map((v) => ({ bucket: bucketOf(v), n: 1, sum: v, min: v, max: v })));
}

/** percentile_cont over the raw values. */
function exact(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const r = p * (s.length - 1);
  const lo = Math.floor(r);
  return s[lo]! + (r - lo) * (s[Math.ceil(r)]! - s[lo]!);
}

const NOW = new Date("2026-07-01T06:00:00Z");

describe("duration histogram statistics", () => {
  it("count, average and maximum are exact; percentiles exact when each bucket holds at most two distinct values", () => {
    const values = [120, 240, 480, 60];
    expect(histogramStats(histogram(values))).toEqual({ count: 4, avg: 225, p50: 180, p90: expect.closeTo(408, 9), max: 480 });
    expect(histogramStats([])).toBeNull();
  });

  it("merges the rows of one bucket from several months and organisations", () => {
    const merged = mergeBuckets([
      { bucket: 40, n: 2, sum: 60, min: 29, max: 31 },
      { bucket: 8, n: 1, sum: 1, min: 1, max: 1 },
      { bucket: 40, n: 1, sum: 30, min: 30, max: 30 },
      { bucket: 50, n: 0, sum: 0, min: 0, max: 0 },
    ]);
    expect(merged).toEqual([
      { bucket: 8, n: 1, sum: 1, min: 1, max: 1 },
      { bucket: 40, n: 3, sum: 90, min: 29, max: 31 },
    ]);
  });

  it("any percentile stays inside the ⅛-octave bucket of the exact one (error ≤ 9.1 %)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const est = histogramPercentile(histogram(values), p);
        const ex = exact(values, p);
        const lo = Math.min(...values.filter((v) => bucketOf(v) === bucketOf(Math.floor(ex))), Math.floor(ex));
        expect(est).toBeGreaterThanOrEqual(Math.min(lo, ex) * (1 / 1.0906) - 1);
        expect(est).toBeLessThanOrEqual(Math.max(ex, 1) * 1.0906 + 1);
      }),
    );
  });
});

describe("splitByMonths", () => {
  it("a year of whole months is read from the summary only", () => {
    const p = resolvePeriod({ period: "custom", from: "2025-07-01", to: "2026-06-30" }, NOW);
    expect(splitByMonths(p)).toEqual({ months: { from: "2025-07-01", to: "2026-07-01" }, raw: [] });
  });

  it("a custom period keeps its edge days raw, at Almaty midnights", () => {
    const p = resolvePeriod({ period: "custom", from: "2026-02-05", to: "2026-04-10" }, NOW);
    expect(splitByMonths(p)).toEqual({
      months: { from: "2026-03-01", to: "2026-04-01" },
      raw: [
        { from: new Date("2026-02-04T19:00:00Z"), to: new Date("2026-02-28T19:00:00Z") },
        { from: new Date("2026-03-31T19:00:00Z"), to: new Date("2026-04-10T19:00:00Z") },
      ],
    });
  });

  it("a period inside one month is raw only", () => {
    const p = resolvePeriod({ period: "custom", from: "2026-02-05", to: "2026-02-20" }, NOW);
    expect(splitByMonths(p)).toEqual({ months: null, raw: [{ from: p.from, to: p.to }] });
  });
});
