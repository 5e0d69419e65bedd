/**
 * Throughput of addWorkingTime (npm run bench:calendar). Target: >= 1,000,000 computations/s on one core.
 * Instants are uniform over 2025–2027 (nights, weekends and holidays included) from a seeded PRNG,
 * generated before timing so only addWorkingTime is measured.
 */
import { addWorkingTime, createNationalCalendar, type TTerm } from "@/lib/law/calendar";

const N = 1_000_000;
const TARGET = 1_000_000;
const ROUNDS = 5;

/** mulberry32: small, seeded, reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const calendar = createNationalCalendar();
const random = mulberry32(20260304);
const from = Date.UTC(2025, 0, 1);
const span = Date.UTC(2028, 0, 1) - from;
const starts: Date[] = Array.from({ length: N }, () => new Date(from + Math.floor(random() * span)));

function run(term: TTerm): { perSecond: number; checksum: number } {
  let checksum = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++)
    checksum =
      (checksum * 31 + Math.floor(addWorkingTime(calendar, starts[i]!, term).getTime() / 60_000)) % 1_000_000_007;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: N / seconds, checksum };
}

const scenarios: Array<[string, TTerm]> = [
  ["5 working days", { value: 5, unit: "workingDays" }],
  ["3 hours", { value: 3, unit: "hours" }],
];

addWorkingTime(calendar, starts[0]!, scenarios[0]![1]); // builds the tables outside the timing
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(
  `addWorkingTime over ${fmt(N)} seeded random instants (2025–2027), Node ${process.version}, best of ${ROUNDS}`,
);
let ok = true;
for (const [name, term] of scenarios) {
  const rounds = Array.from({ length: ROUNDS }, () => run(term));
  const best = Math.max(...rounds.map((r) => r.perSecond));
  const median = rounds.map((r) => r.perSecond).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  ok &&= best >= TARGET;
  console.log(
    `${name.padEnd(15)} best ${fmt(best).padStart(12)} /s   median ${fmt(median).padStart(12)} /s   (checksum ${rounds[0]!.checksum})`,
  );
}
console.log(ok ? `OK: >= ${fmt(TARGET)} /s` : `BELOW TARGET of ${fmt(TARGET)} /s`);
process.exitCode = ok ? 0 : 1;
