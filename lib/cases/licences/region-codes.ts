/**
 * The two-digit region part of a licence number: the first two digits of the region's KATO code
 * (the national classifier of administrative-territorial objects), so a number tells at a glance
 * which oblast body issued it. The Committee (republican level) has `00`; a region this table does
 * not know yet gets `99` rather than refusing to issue (add it here when an organisation is added).
 */
export const COMMITTEE_REGION_CODE = "00";
export const UNKNOWN_REGION_CODE = "99";

export const REGION_CODES: Readonly<Record<string, string>> = Object.freeze({
  abai: "10",
  akmola: "11",
  aktobe: "15",
  "almaty-oblast": "19",
  atyrau: "23",
  "west-kazakhstan": "27",
  zhambyl: "31",
  zhetysu: "33",
  karaganda: "35",
  kostanay: "39",
  kyzylorda: "43",
  mangystau: "47",
  "south-kazakhstan": "51",
  pavlodar: "55",
  "north-kazakhstan": "59",
  turkestan: "61",
  ulytau: "62",
  "east-kazakhstan": "63",
  astana: "71",
  "almaty-city": "75",
  shymkent: "79",
});

/** Region code of the issuing organisation (`kind` and `region` as in the Organisation row). */
export function regionCodeFor(org: { kind: "COMMITTEE" | "REGIONAL" | "PSC"; region: string }): string {
  if (org.kind === "COMMITTEE") return COMMITTEE_REGION_CODE;
  return REGION_CODES[org.region] ?? UNKNOWN_REGION_CODE;
}

/** Region slug of a code (`committee` for 00), or null for 99 and codes not in the table. */
export function regionOfCode(code: string): string | null {
  if (code === COMMITTEE_REGION_CODE) return "committee";
  for (const [region, c] of Object.entries(REGION_CODES)) if (c === code) return region;
  return null;
}
