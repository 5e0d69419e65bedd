import { readFileSync } from "node:fs";
import path from "node:path";
import { getCatalogue, getIndicatorData } from "@/lib/law/catalogue";
import { REGULATION_DATA_FILES } from "@/lib/law/regulations";

/**
 * docs/fidelity.md, generated: every rule of the seeds → the data file and field that carries it →
 * the test that checks it. `fidelity.test.ts` regenerates it and fails when the file differs (run
 * with UPDATE_FIDELITY=1 to rewrite it), when a field path does not resolve or a test name is not
 * found in its test file — so the table cannot drift from the data or the tests.
 */
export type TRow = { rule: string; seeds: string; file: string; field: string; test: string; testName: string };

const ROOT = path.resolve(__dirname, "../../..");
export const FIDELITY_FILE = path.join(ROOT, "docs/fidelity.md");

/** The rules of issue 16 and the readings of the seeds, written by hand. */
export const RULES: TRow[] = [
  { rule: "Complaint about a Committee decision → authorised body (Ministry)", seeds: "004 L368-372", file: "lib/law/catalogue/data/complaints.json", field: "rules[0].handlers.RESULT_DISAGREEMENT", test: "tests/unit/complaints/complaint-rules.test.ts", testName: "disagreement with a Committee decision goes to the authorised body (Ministry) [004 L368-372]" },
  { rule: "Complaint answer term 15 calendar days, extendable to 30 with notice (Law of 12 Jan 2007 art. 8)", seeds: "004 L391-393", file: "lib/law/catalogue/data/complaints.json", field: "term", test: "tests/unit/complaints/complaint-rules.test.ts", testName: "term: 15 calendar days, extendable to 30 with notice, Law of 12 January 2007 art. 8 [004 L391-393]" },
  { rule: "Complaint answer channel portal / e-mail / post", seeds: "004 L395-396", file: "lib/law/catalogue/data/complaints.json", field: "answerChannels", test: "tests/unit/complaints/complaint-rules.test.ts", testName: "answer channels portal, e-mail and post [004 L395-396]" },
  { rule: "Complaint at a PSC → PSC head", seeds: "004 L827-830", file: "lib/law/catalogue/data/complaints.json", field: "rules[1].pscHandler", test: "tests/unit/complaints/complaint-rules.test.ts", testName: "standard 2: a complaint at a PSC goes to the PSC head [004 L827-830]" },
  { rule: "Public Service Centres (four seed regions and Astana): Mon–Sat 09:00–20:00 without a break", seeds: "004 L564-566, L626-632", file: "lib/law/organisations/data/organisations.json", field: "organisations[17].workingHours", test: "tests/unit/psc/psc-rules.test.ts", testName: "PSCs of the four seed regions and Astana, Monday to Saturday 09:00–20:00 without a break [004 L564-566, L626-632]" },
  { rule: "PSC hours enforced as data: open on Saturday, closed on Sunday and holidays", seeds: "004 L626-632", file: "lib/law/organisations/data/organisations.json", field: "organisations[17].workingDays", test: "tests/unit/psc/psc-rules.test.ts", testName: "PSC hours: open on Saturday at 19:59, closed at 20:00, on Sunday and on a holiday; no lunch break [004 L626-632]" },
  { rule: "Standard 2 at a PSC: the operator scans the package and certifies it with their EDS", seeds: "004 L645-648", file: "lib/law/catalogue/data/services.json", field: "services[1].psc.scansSignedByOperator", test: "tests/unit/psc/psc-rules.test.ts", testName: "a PSC accepts only standard 2, the processing permit [004 L645-648]" },
  { rule: "Standard 2 at a PSC: the day of acceptance is not counted", seeds: "004 L607", file: "lib/law/catalogue/data/services.json", field: "services[1].psc.acceptanceDayExcluded", test: "tests/unit/psc/psc-rules.test.ts", testName: "the day of acceptance at a PSC is not counted: the term starts at 00:00 of the next day [004 L607]" },
  { rule: "Standard 2 at a PSC: the result reaches the PSC one working day before the term ends (a deadline the provider sees)", seeds: "004 L608-609", file: "lib/law/catalogue/data/services.json", field: "services[1].psc.resultDeliveredBeforeTermEnd", test: "tests/unit/psc/psc-rules.test.ts", testName: "the result reaches the PSC one working day before the term ends [004 L608-609]" },
  { rule: "Standard 2 at a PSC: uncollected results kept one month, then returned to the provider", seeds: "004 L758-760", file: "lib/law/catalogue/data/services.json", field: "services[1].psc.keepingPeriodMonths", test: "tests/unit/psc/psc-rules.test.ts", testName: "an uncollected result is kept one month, then returned to the provider [004 L758-760]" },
  { rule: "Submission by post to the Committee's office (licences); the date of receipt starts the term", seeds: "004 L2616-2619", file: "lib/law/catalogue/data/services.json", field: "services[2].postalSubmission", test: "tests/unit/psc/psc-rules.test.ts", testName: "by post the date of receipt starts the term [004 L2616-2619, L7855-7858]" },
  { rule: "Submission by post to the regional body (scrap metal); the date of receipt starts the term", seeds: "004 L7855-7858", file: "lib/law/catalogue/data/services.json", field: "services[8].postalSubmission", test: "tests/unit/psc/psc-rules.test.ts", testName: "by post the date of receipt starts the term [004 L2616-2619, L7855-7858]" },
  { rule: "Scrap complaints → the regional body's first head", seeds: "004 L7940-7942", file: "lib/law/catalogue/data/complaints.json", field: "rules[8].handlers", test: "tests/unit/complaints/complaint-rules.test.ts", testName: "scrap metal: disagreement goes to the regional body's first head [004 L7940-7942]" },
  { rule: "Indicator 3.2: services whose information is available electronically", seeds: "004 L9095-9140", file: "lib/law/catalogue/data/indicators.json", field: "informationOnline", test: "tests/unit/metrics/indicator-data.test.ts", testName: "indicator 3.2 counts every standard that publishes its information online [004 L9095-9140, L207-209, L9528-9530]" },
  { rule: "Indicator targets approved yearly, per indicator and year", seeds: "004 L358-361, L7928-7930", file: "lib/law/catalogue/data/indicators.json", field: "targets", test: "tests/unit/metrics/indicator-data.test.ts", testName: "yearly targets per indicator and year, approved by order [004 L358-361, L7928-7930]" },
  { rule: "Reissue filed within 30 calendar days of the change (licences 3–8)", seeds: "004 L2533-2537", file: "lib/law/catalogue/data/services.json", field: "services[2].reissueApplicationWindow", test: "tests/unit/catalogue/reissue-window.test.ts", testName: "licences 3–8: the same window [004 L2533-2537]; the form asks for the date of the change" },
  { rule: "Reissue filed within 30 calendar days of the change (scrap)", seeds: "004 L7791-7794", file: "lib/law/catalogue/data/services.json", field: "services[8].reissueApplicationWindow", test: "tests/unit/catalogue/reissue-window.test.ts", testName: "scrap metal: 30 calendar days from the change [004 L7791-7794]" },
  { rule: "Reasoned refusal delivered within 2 working days (hand-over deadline of a signed refusal)", seeds: "004 L2634-2636, L7874-7879", file: "lib/law/regulations/data/atyrau-2014-scrap.json", field: "versions[0].refusalDelivery", test: "tests/unit/workflow/refusal-delivery.test.ts", testName: "scrap (Atyrau): the hand-over of a signed refusal is due 2 working days later [004 L7874-7879]" },
  { rule: "Standard 2 office hours 09:00–18:30 at the Committee", seeds: "004 L618-620", file: "lib/law/organisations/data/organisations.json", field: "organisations[0].serviceHours[0]", test: "tests/unit/organisations/service-hours.test.ts", testName: "standard 2 at the Committee: 09:00–18:30, lunch 13:00–14:30 [004 L618-620]" },
  { rule: "Standard 10 office hours 09:00–18:30 at the Committee", seeds: "004 L9197-9200", file: "lib/law/organisations/data/organisations.json", field: "organisations[0].serviceHours[1]", test: "tests/unit/organisations/service-hours.test.ts", testName: "standard 10 (chemical products): 09:00–18:30 [004 L9197-9200]" },
  { rule: "Atyrau reissue chain (1 + 14 wd) exceeds the 10-wd legal term: legal term prevails", seeds: "000 L133-138, 004 L7722-7724", file: "lib/law/regulations/data/atyrau-2014-scrap.json", field: "versions[0].variants.reissue.capStepTermsToOverallTerm", test: "tests/unit/regulations/overrun.test.ts", testName: "gives both numbers: Atyrau reissue 15 wd + 1 h against 10 wd [000 L133-138, 004 L7722-7724]" },
  { rule: "East Kazakhstan duplicate chain exceeds 2 wd: legal term prevails", seeds: "003 L99-100, L113-114, L130-132", file: "lib/law/regulations/data/east-kazakhstan-2014-grain.json", field: "versions[0].variants.duplicate.capStepTermsToOverallTerm", test: "tests/unit/regulations/overrun.test.ts", testName: "exactly Atyrau issue/reissue/duplicate [000 L133-138 vs 004 L7722-7724] and East Kazakhstan duplicate [003 L113-114, L130-132] overrun, each resolved (capped)" },
  { rule: "West Kazakhstan: portal requests registered by the information system", seeds: "002 L178-179", file: "lib/law/regulations/data/west-kazakhstan-2013-scrap.json", field: "versions[0].portalAutoRegistration", test: "tests/unit/workflow/auto-registration.test.ts", testName: "a portal request skips the clerk's register step: registered by the system, the head's assignment starts" },
  { rule: "Survey questions 1–2 (seed 002 appendix 3), answers 1/2/3", seeds: "002 L637-646", file: "lib/oversight/survey/data/questions.json", field: "questions", test: "tests/unit/metrics/survey-questions.test.ts", testName: "Q1 and Q2 are seed 002 appendix 3, answered 1 / 2 / 3 [002 L637-641, L642-646]" },
  { rule: "Tacit approval for reissue and duplicate on their own terms", seeds: "004 L2652-2656, L7892-7895", file: "lib/law/regulations/data/default-scrap-metal-licence.json", field: "versions[0].tacitApproval", test: "tests/unit/workflow/tacit-reissue-duplicate.test.ts", testName: "scrap duplicate (2 wd) and reissue (10 wd): deemed issued when their own term passes [004 L7717-7727, L7892-7895]" },
  { rule: "Chemical products: refusal only on the standard's four grounds", seeds: "004 L9290-9323", file: "lib/law/regulations/data/default-chemical-product-registration.json", field: "versions[0].variants.registration.completenessRefusalGround", test: "tests/unit/workflow/chemical-refusal-grounds.test.ts", testName: "no extra incomplete_package ground; the four grounds of the standard" },
];

const REGIONAL_TEST: Record<string, string> = {
  "atyrau-2014-scrap": "Atyrau 000: five seed steps, step 3 split into completeness (1 wd) and qualification (14 / 14 / 1 wd)",
  "aktobe-2014-scrap": "Aktobe 001: 15 min / 3 h / 5 wd / 3 h / 15 min; duplicate executor 3 h",
  "west-kazakhstan-2013-scrap": "West Kazakhstan 002: chosen staff steps inside the 15-wd IS processing time",
  "east-kazakhstan-2014-grain": "East Kazakhstan 003: three resolutions, completeness 30 min, inspection 2 wd (issue), draw-up 30 min",
};

const UNIT: Record<string, string> = { minutes: "min", hours: "h", workingDays: "wd", calendarDays: "cd" };
const term = (t: { value: number; unit: string }) => `${t.value} ${UNIT[t.unit] ?? t.unit}`;
const lines = (l: readonly string[]) => (l.length ? l.join(", ") : "— (choice)");
const cell = (s: string) => s.replace(/\|/g, "\\|");

/** Regulation steps, terms and roles: one row per step of every version and variant (the four regional regulations and the defaults of decree 1130). */
export function regulationRows(): TRow[] {
  const rows: TRow[] = [];
  for (const { file } of REGULATION_DATA_FILES) {
    const json = JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as { versions: { id: string; version: number; kind: string; refusalGrounds: string[]; refusalGroundsSourceLines: string[]; variants: Record<string, { overallTerm: { value: number; unit: string }; overallTermSourceLines: string[]; steps: { key: string; role: string; term: { value: number; unit: string }; sourceLines: string[] }[] }> }[] };
    json.versions.forEach((v, vi) => {
      const regional = REGIONAL_TEST[v.id];
      const test = regional ? "tests/unit/regulations/data-files.test.ts" : "tests/unit/regulations/data-files.test.ts";
      const testName = regional ?? "defaults cover the catalogue's variants with its terms, and cite only its refusal grounds";
      rows.push({ rule: `${v.id} v${v.version}: refusal grounds ${v.refusalGrounds.join(", ")}`, seeds: lines(v.refusalGroundsSourceLines), file, field: `versions[${vi}].refusalGrounds`, test, testName });
      for (const [variant, p] of Object.entries(v.variants)) {
        rows.push({ rule: `${v.id} v${v.version} ${variant}: overall term ${term(p.overallTerm)}`, seeds: lines(p.overallTermSourceLines), file, field: `versions[${vi}].variants.${variant}.overallTerm`, test: "tests/unit/workflow/paths.test.ts", testName: "full paths for every regulation version and variant" });
        p.steps.forEach((s, si) => {
          rows.push({ rule: `${v.id} v${v.version} ${variant} #${si + 1} ${s.key} · ${s.role} · ${term(s.term)}`, seeds: lines(s.sourceLines), file, field: `versions[${vi}].variants.${variant}.steps[${si}]`, test, testName });
        });
      }
    });
  }
  return rows;
}

/** Decree 1130 (and the grain licence): terms, document lists and refusal grounds per service and variant. */
export function catalogueRows(): TRow[] {
  const rows: TRow[] = [];
  const file = "lib/law/catalogue/data/services.json";
  const test = "tests/unit/catalogue/catalogue-data.test.ts";
  getCatalogue().services.forEach((s, i) => {
    const name = `${s.standardNo ? `std ${s.standardNo}` : "grain"} ${s.code}`;
    s.variants.forEach((v, vi) => {
      rows.push({ rule: `${name} ${v.code}: term ${term(v.term)}`, seeds: lines(v.termSourceLines), file, field: `services[${i}].variants[${vi}].term`, test, testName: "cites seed lines that exist" });
      rows.push({ rule: `${name} ${v.code}: portal documents ${v.documents.map((d) => d.key).join(", ") || "—"}`, seeds: lines([...new Set(v.documents.flatMap((d) => d.sourceLines))]), file, field: `services[${i}].variants[${vi}].documents`, test, testName: "cites seed lines that exist" });
      rows.push({ rule: `${name} ${v.code}: paper documents ${v.paperDocuments.map((d) => d.key).join(", ") || "—"}`, seeds: lines([...new Set(v.paperDocuments.flatMap((d) => d.sourceLines))]), file, field: `services[${i}].variants[${vi}].paperDocuments`, test, testName: "cites seed lines that exist" });
    });
    s.refusalGrounds.forEach((g, gi) => {
      rows.push({ rule: `${name}: refusal ground ${g.code}`, seeds: lines(g.sourceLines), file, field: `services[${i}].refusalGrounds[${gi}]`, test, testName: "cites seed lines that exist" });
    });
  });
  return rows;
}

export function indicatorRows(): TRow[] {
  return getIndicatorData().indicators.map((ind, i) => ({
    rule: `Indicator ${ind.id}: normative ${ind.normative} %`,
    seeds: lines(ind.sourceLines),
    file: "lib/law/catalogue/data/indicators.json",
    field: `indicators[${i}]`,
    test: "tests/unit/metrics/indicator-data.test.ts",
    testName: "every indicator has the normative value 100 [004 L472-532]",
  }));
}

function table(rows: TRow[]): string {
  const head = "| Rule | Seed lines | Data file · field | Test |\n|---|---|---|---|\n";
  return head + rows.map((r) => `| ${cell(r.rule)} | ${cell(r.seeds)} | \`${r.file}\` · \`${r.field}\` | \`${r.test}\` › ${cell(r.testName)} |`).join("\n") + "\n";
}

export function renderFidelity(): string {
  return [
    "# Fidelity: the seeds' rules → data → tests",
    "",
    "Generated by `tests/unit/docs/fidelity-table.ts` and checked by `tests/unit/docs/fidelity.test.ts` (the test fails when",
    "this file differs from the data, when a field path does not resolve or a test name is missing). Regenerate with",
    "`UPDATE_FIDELITY=1 npx vitest run --project unit tests/unit/docs`. Seed lines refer to `../shared/seeds/` (`004 L645-648`).",
    "",
    "## Rules and readings",
    "",
    table(RULES),
    "## Regulations: steps, roles, terms and refusal grounds (the four regional regulations and the defaults of decree 1130)",
    "",
    table(regulationRows()),
    "## Decree 1130 and the grain licence: terms, document lists, refusal grounds",
    "",
    table(catalogueRows()),
    "## Quality indicators",
    "",
    table(indicatorRows()),
  ].join("\n");
}

/** Resolves "a.b[2].c" in parsed JSON; undefined when any segment is missing. */
export function resolveField(json: unknown, field: string): unknown {
  let cur: unknown = json;
  for (const seg of field.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
