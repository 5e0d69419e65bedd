// Deterministic randomness for the demo caseload: the same seed gives the same caseload
// (relative to the instant it is loaded at).
import { identifierChecksum, isValidBin, isValidIin } from "@/lib/platform/core";

export type Rng = {
  next(): number;
  int(min: number, maxExclusive: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
};

/** mulberry32: small, fast and good enough for demo data. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
  };
}

/** A valid BIN (resident legal entity, head unit) drawn from `r`. */
export function binFrom(r: Rng): string {
  for (;;) {
    const p = `${String(r.int(0, 24)).padStart(2, "0")}${String(r.int(1, 13)).padStart(2, "0")}40${String(r.int(0, 100000)).padStart(5, "0")}`;
    const c = identifierChecksum(p);
    if (c !== null && isValidBin(p + c)) return p + c;
  }
}

/** A valid IIN of a person born 1960–1995 drawn from `r`. */
export function iinFrom(r: Rng): string {
  for (;;) {
    const p = `${String(r.int(60, 96)).padStart(2, "0")}${String(r.int(1, 13)).padStart(2, "0")}${String(r.int(1, 29)).padStart(2, "0")}${r.int(3, 5)}${String(r.int(0, 10000)).padStart(4, "0")}`;
    const c = identifierChecksum(p);
    if (c !== null && isValidIin(p + c)) return p + c;
  }
}
