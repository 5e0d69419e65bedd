/**
 * Statistics of a duration histogram (pure): the buckets of "StepDurationMonthly" merged over a
 * period. Count, sum (→ average), minimum and maximum are exact; a percentile is exact whenever
 * the ranks it needs fall in buckets holding at most two distinct values, otherwise it is
 * interpolated linearly between the bucket's real minimum and maximum — always inside that
 * ⅛-octave bucket (upper bound ≤ 9.05 % above the lower one).
 */
export type THistogramBucket = { bucket: number; n: number; sum: number; min: number; max: number };
export type THistogramStats = { count: number; avg: number; p50: number; p90: number; max: number };

/** The value at 0-based rank `k` of the merged, bucket-ordered histogram. */
function valueAtRank(buckets: readonly THistogramBucket[], k: number): number {
  let before = 0;
  for (const b of buckets) {
    if (k < before + b.n) {
      const j = k - before;
      return b.n === 1 ? b.min : b.min + ((b.max - b.min) * j) / (b.n - 1);
    }
    before += b.n;
  }
  const last = buckets[buckets.length - 1];
  return last ? last.max : 0;
}

/** percentile_cont semantics: rank p·(N − 1), linear between the two neighbouring values. */
export function histogramPercentile(buckets: readonly THistogramBucket[], p: number): number {
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (total === 0) return 0;
  const r = p * (total - 1);
  const lo = Math.floor(r);
  const hi = Math.ceil(r);
  const a = valueAtRank(buckets, lo);
  return lo === hi ? a : a + (r - lo) * (valueAtRank(buckets, hi) - a);
}

/** Merges rows of the same bucket (months, organisations, services) and orders them by bucket. */
export function mergeBuckets(rows: readonly THistogramBucket[]): THistogramBucket[] {
  const by = new Map<number, THistogramBucket>();
  for (const r of rows) {
    if (r.n === 0) continue;
    const b = by.get(r.bucket);
    by.set(r.bucket, b ? { bucket: r.bucket, n: b.n + r.n, sum: b.sum + r.sum, min: Math.min(b.min, r.min), max: Math.max(b.max, r.max) } : { ...r });
  }
  return [...by.values()].sort((x, y) => x.bucket - y.bucket);
}

export function histogramStats(rows: readonly THistogramBucket[]): THistogramStats | null {
  const buckets = mergeBuckets(rows);
  const count = buckets.reduce((s, b) => s + b.n, 0);
  if (count === 0) return null;
  return {
    count,
    avg: buckets.reduce((s, b) => s + b.sum, 0) / count,
    p50: histogramPercentile(buckets, 0.5),
    p90: histogramPercentile(buckets, 0.9),
    max: Math.max(...buckets.map((b) => b.max)),
  };
}
