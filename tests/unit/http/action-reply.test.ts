import { execFileSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyProblem, argumentsProblem, formActionProblem } from "@/lib/platform/http/action-reply";
import { crossOriginActionRefusal, isActionRequest, malformedActionRefusal } from "@/app/_server/cross-origin-action";
import { readFileSync } from "node:fs";

/**
 * Issue 13 F3: server-action bodies Next/React cannot decode are refused by proxy.ts (400/413)
 * instead of Next's 500. Checked against the React build Next runs (react-server-dom-turbopack,
 * in a child process with the react-server condition): whatever the check lets through decodes.
 */
const root = path.resolve(__dirname, "../../..");
type Case = { text: string } | { entries: [string, string | { file: string }][] };

function reactDecodes(cases: Case[]): { ok: boolean; error?: string }[] {
  const out = execFileSync(process.execPath, ["--conditions=react-server", path.join(__dirname, "support/react-decode-reply.mjs")], { input: JSON.stringify(cases), encoding: "utf8", cwd: root });
  return JSON.parse(out) as { ok: boolean; error?: string }[];
}

const text = (body: string) => argumentsProblem((k) => (k === "0" ? body : null));
const multipart = (entries: [string, string | { file: string }][]) =>
  argumentsProblem((k) => {
    const e = entries.find(([key]) => key === k);
    if (!e) return null;
    return typeof e[1] === "string" ? e[1] : new Blob([e[1].file]);
  });

/** What React's encodeReply writes for the portal's actions, and the probe's malformed bodies. */
const GOOD_TEXT = [
  "[]",
  "[null]",
  '[null,{"identifier":"123","password":"x"}]',
  '["$undefined",{"a":"$$escaped","b":"$D2026-01-01T00:00:00.000Z","c":"$n123","d":"$NaN","e":"$-0","f":"$Infinity","g":"$-Infinity"}]',
  '[{"formData":{"a":"\\u0000","b":"\\ud800"}}]',
  '[{"deep":{"list":[1,2,[3,[4]]]}}]',
  '["$D not a date"]',
];
const BAD_TEXT = ["", "[", "{", "null", '"x"', "1", "true", "{}", '{"length":5000}', '["$1"]', '["$Q1"]', '["$W1"]', '["$h1"]', '["$B1"]', '["$"]', '["$nabc"]', '["$n1e5"]', '["$Zz"]', '["$a:b"]', `[${"[".repeat(5000)}${"]".repeat(5000)}]`, `[${Array.from({ length: 1001 }, () => "0").join(",")}]`, `["${"x".repeat(1_000_001)}", 1]`];

describe("argumentsProblem (text bodies, as encodeReply sends plain values)", () => {
  it("accepts what the client sends and refuses what React fails on (checked against React)", () => {
    for (const b of GOOD_TEXT) expect(text(b), b).toBeNull();
    for (const b of BAD_TEXT) expect(text(b), b.slice(0, 60)).toMatchObject({ status: 400 });
    const react = reactDecodes([...GOOD_TEXT, ...BAD_TEXT].map((t) => ({ text: t })));
    expect(react.slice(0, GOOD_TEXT.length).map((r, i) => (r.ok ? "ok" : `${GOOD_TEXT[i]}: ${r.error}`))).toEqual(GOOD_TEXT.map(() => "ok"));
    // Every refused body is one React (or Next's apply) fails on: no 400 for a body Next would take.
    expect(react.slice(GOOD_TEXT.length).map((r, i) => (r.ok ? `React decodes ${BAD_TEXT[i]!.slice(0, 40)}` : "fails"))).toEqual(BAD_TEXT.map(() => "fails"));
  });

  it("refuses, more strictly than React, what no action of the portal takes", () => {
    // A promise of a row the body lacks (React hands the action a promise that rejects later),
    // a temporary reference (a client-only value), a non-array root React would still decode.
    for (const b of ['["$@1"]', '["$T"]', '["$T1"]']) expect(text(b), b).toMatchObject({ status: 400 });
  });

  it("generated replies: whatever the check accepts, React decodes (no 500 left behind it)", () => {
    const leaf = fc.oneof(
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.constantFrom("$", "$$x", "$1", "$0", "$0:0", "$0:a", "$@0", "$Q0", "$W0", "$i0", "$K1", "$B1", "$T", "$h0", "$D", "$n", "$n-5", "$u", "$I", "$N", "$-0", "$A0", "$R0", "$F1", "$e"),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
    );
    const json = fc.letrec<{ v: unknown }>((tie) => ({ v: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), tie("v"), { maxKeys: 3 })) })).v;
    const bodies = fc.sample(
      fc.oneof(
        json.map((v) => JSON.stringify(v) ?? ""),
        fc.array(json, { maxLength: 4 }).map((v) => JSON.stringify(v)),
        fc.string({ unit: "binary", maxLength: 20 }),
      ),
      { numRuns: 600, seed: 13 },
    );
    const accepted = bodies.filter((b) => text(b) === null);
    expect(accepted.length).toBeGreaterThan(50);
    const react = reactDecodes(accepted.map((t) => ({ text: t })));
    expect(react.flatMap((r, i) => (r.ok ? [] : [`${accepted[i]}: ${r.error}`]))).toEqual([]);
  });
});

describe("argumentsProblem (multipart, as encodeReply sends FormData and files)", () => {
  const registration: [string, string | { file: string }][] = [
    ["0", '[null,"$K1"]'],
    ["1_identifier", "123456789012"],
    ["1_password", "\u0000"],
  ];
  const good: [string, string | { file: string }][][] = [
    registration,
    [["0", '["$K1", "$B2"]'], ["2", { file: "%PDF-1.4" }]],
    [["0", '["$1", "$@1", "$Q2", "$W3"]'], ["1", '{"a":[1]}'], ["2", '[["k","v"]]'], ["3", "[1,2]"]],
    [["0", '["$1:a:0"]'], ["1", '{"a":[5]}']],
  ];
  const bad: [string, string | { file: string }][][] = [
    [["1_identifier", "x"]],
    [["0", '["$1"]']],
    [["0", '["$B2"]'], ["2", "not a file"]],
    [["0", '["$Q1"]'], ["1", '{"a":1}']],
    [["0", '["$1:b"]'], ["1", '{"a":[5]}']],
    [["0", "[1"]],
  ];

  it("accepts forms and files, refuses missing rows, non-files, bad maps and paths (checked against React)", () => {
    for (const e of good) expect(multipart(e), JSON.stringify(e)).toBeNull();
    for (const e of bad) expect(multipart(e), JSON.stringify(e)).toMatchObject({ status: 400 });
    const react = reactDecodes([...good, ...bad].map((entries) => ({ entries })));
    expect(react.slice(0, good.length).map((r) => r.error ?? "ok")).toEqual(good.map(() => "ok"));
    expect(react.slice(good.length).map((r) => (r.ok ? "decodes" : "fails"))).toEqual(bad.map(() => "fails"));
  });
});

describe("formActionProblem (a form posted without JavaScript)", () => {
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };
  it("needs a descriptor with a string id and a bound list (or none)", () => {
    expect(formActionProblem(form([["$ACTION_ID_abc", ""], ["login", "x"]]))).toBeNull();
    expect(formActionProblem(form([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'], ["$ACTION_1:1", "[null]"], ["$ACTION_KEY", "k0"]]))).toBeNull();
    expect(formActionProblem(form([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"abc","bound":null}']]))).toBeNull();
    for (const bad of ['{"id":"abc"}', '{"id":"abc","id":5,"bound":null}', '{"id":"abc","bound":"$@1"}', '{"id":"abc","bound":"$@2"}', "[", '"x"']) {
      expect(formActionProblem(form([["$ACTION_REF_1", ""], ["$ACTION_1:0", bad], ["$ACTION_1:2", '{"not":"a list"}']])), bad).toMatchObject({ status: 400 });
    }
    expect(formActionProblem(form([["$ACTION_REF_1", ""]]))).toMatchObject({ status: 400 });
  });
});

describe("the proxy's action checks (app/_server/cross-origin-action.ts)", () => {
  const post = (url: string, headers: Record<string, string>, body: BodyInit) => new Request(url, { method: "POST", headers: { host: "portal.test", origin: "http://portal.test", ...headers }, body });

  it("recognises fetch actions anywhere and form posts to pages, not uploads to /api", () => {
    expect(isActionRequest(post("http://portal.test/ru/register", { "next-action": "7f00" }, "[]"))).toBe(true);
    expect(isActionRequest(post("http://portal.test/ru/a.b", { "content-type": "multipart/form-data; boundary=x" }, "--x--"))).toBe(true);
    expect(isActionRequest(post("http://portal.test/api/applications/x/documents", { "content-type": "multipart/form-data; boundary=x" }, "--x--"))).toBe(false);
    expect(isActionRequest(new Request("http://portal.test/ru/register", { headers: { "next-action": "7f00" } }))).toBe(false);
  });

  it("cross-origin form posts are 403 too (Next throws on them, or on an unparsable Origin)", async () => {
    const res = crossOriginActionRefusal(post("http://portal.test/ru/sign-in", { origin: "not a url", "content-type": "multipart/form-data; boundary=x" }, "--x--"))!;
    expect(res.status).toBe(403);
  });

  it("400 api.invalid_json for an undecodable body, 413 over the limit, nothing for a good one", async () => {
    const bad = await malformedActionRefusal(post("http://portal.test/ru/register", { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" }, '["$1"]'));
    expect(bad?.status).toBe(400);
    expect(((await bad!.json()) as { error: { code: string } }).error.code).toBe("api.invalid_json");
    const broken = await malformedActionRefusal(post("http://portal.test/ru/register", { "next-action": "7f00", "content-type": "multipart/form-data; boundary=zz" }, "--qq\r\nnope"));
    expect(broken?.status).toBe(400);
    const big = await malformedActionRefusal(post("http://portal.test/ru/register", { "next-action": "7f00" }, `["${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"]`));
    expect(big?.status).toBe(413);
    expect(await malformedActionRefusal(post("http://portal.test/ru/register", { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" }, '[null,{"a":"\\u0000"}]'))).toBeNull();
    // Route handlers read their own bodies.
    expect(await malformedActionRefusal(post("http://portal.test/api/x", { "content-type": "multipart/form-data; boundary=zz" }, "garbage"))).toBeNull();
  });

  it("the body limit is next.config.js's serverActions.bodySizeLimit", () => {
    expect(readFileSync(path.join(root, "next.config.js"), "utf8")).toMatch(/serverActions: \{ bodySizeLimit: "2mb" \}/);
    expect(ACTION_BODY_LIMIT_BYTES).toBe(2 * 1024 * 1024);
  });

  it("actionBodyProblem leaves requests that are not actions alone", async () => {
    expect(await actionBodyProblem("application/json", null, new TextEncoder().encode("{"))).toBeNull();
  });
});
