import { execFileSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyProblem, argumentsProblem, formActionProblem, partHeadersProblem } from "@/lib/platform/http/action-reply";
import { crossOriginActionRefusal, isActionRequest, malformedActionRefusal } from "@/app/_server/cross-origin-action";
import { readFileSync } from "node:fs";

/**
 * Issue 13 F3: server-action bodies Next/React cannot decode are refused by proxy.ts (400/413)
 * instead of Next's 500. Checked against the React build Next runs (react-server-dom-turbopack,
 * in a child process with the react-server condition): whatever the check lets through decodes.
 */
const root = path.resolve(__dirname, "../../..");
type Case = { text: string } | { multipart: string; contentType: string };
type Part = [string, string | { file: string; name?: string }];

function reactDecodes(cases: Case[]): { ok: boolean; error?: string }[] {
  const out = execFileSync(process.execPath, ["--conditions=react-server", path.join(__dirname, "support/react-decode-reply.mjs")], { input: JSON.stringify(cases), encoding: "utf8", cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as { ok: boolean; error?: string }[];
}

/** A multipart body as a browser writes it, parts in the given order. */
function multipartBody(parts: Part[], boundary = "----formdata-test"): { bytes: Uint8Array; contentType: string } {
  const chunks: Buffer[] = [];
  for (const [name, v] of parts) {
    if (typeof v === "string") chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
    else chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${v.name ?? "f.pdf"}"\r\nContent-Type: application/pdf\r\n\r\n${v.file}\r\n`));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: new Uint8Array(Buffer.concat(chunks)), contentType: `multipart/form-data; boundary=${boundary}` };
}

const text = (body: string) => argumentsProblem((k) => (k === "0" ? body : null));
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

describe("actionBodyProblem (multipart, as encodeReply sends FormData and files; Next streams it through busboy)", () => {
  // React's client writes outlined rows and files before row 0, which refers to them.
  const good: Part[][] = [
    [["1_identifier", "123456789012"], ["1_password", "\u0000"], ["0", '[null,"$K1"]']],
    [["2", { file: "%PDF-1.4" }], ["0", '["$K1", "$B2"]']],
    [["1", '{"a":[1]}'], ["2", '[["k","v"]]'], ["3", "[1,2]"], ["0", '["$1", "$@1", "$Q2", "$W3"]']],
    [["1", '{"a":[5]}'], ["0", '["$1:a:0"]']],
    [["0", '[null,"$K1"]'], ["1_identifier", "x"]],
    [["0", '[null,"$@1"]'], ["1", "[]"]],
  ];
  const bad: Part[][] = [
    [["1_identifier", "x"]],
    [["0", '["$1"]']],
    [["2", "not a file"], ["0", '["$B2"]']],
    [["1", '{"a":1}'], ["0", '["$Q1"]']],
    [["1", '{"a":[5]}'], ["0", '["$1:b"]']],
    [["0", "[1"]],
    // Forward references: busboy hands React row 0 before the rows it needs.
    [["0", '[null,"$1"]'], ["1", '{"a":1}']],
    [["0", '[null,{"m":"$Q1"}]'], ["1", '[["k","v"]]']],
    [["0", '[null,"$B2"]'], ["2", { file: "%PDF-1.4" }]],
    [["2", '{"x":"$3"}'], ["0", '[null,"$2"]'], ["3", "{}"]],
    // A NUL in a part header: busboy's "Malformed part header".
    [["1_file", { file: "%PDF-1.4", name: "f\u0000.pdf" }], ["0", '[null,"$K1"]']],
    [["1_x", "a"], ["0", '[null,"$K1"]'], ["0", "[]"]],
  ];

  it("accepts forms and files in the client's order, refuses missing or later rows, non-files, bad maps, paths and part headers (checked against Next's busboy and React)", async () => {
    const verdict = async (parts: Part[]) => {
      const { bytes, contentType } = multipartBody(parts);
      return actionBodyProblem(contentType, "7f00", bytes);
    };
    for (const p of good) expect(await verdict(p), JSON.stringify(p)).toBeNull();
    for (const p of bad) expect(await verdict(p), JSON.stringify(p)).toMatchObject({ status: 400 });
    const react = reactDecodes([...good, ...bad].map((p) => {
      const { bytes, contentType } = multipartBody(p);
      return { multipart: Buffer.from(bytes).toString("base64"), contentType };
    }));
    expect(react.slice(0, good.length).map((r, i) => (r.ok ? "ok" : `${JSON.stringify(good[i])}: ${r.error}`))).toEqual(good.map(() => "ok"));
    // The duplicate row 0 is refused for safety; React takes the first one.
    const mustFail = bad.slice(0, -1);
    expect(react.slice(good.length, good.length + mustFail.length).map((r, i) => (r.ok ? `decodes ${JSON.stringify(mustFail[i])}` : "fails"))).toEqual(mustFail.map(() => "fails"));
  });

  it("busboy's part-header rule: token names, no control characters, at most 16 KiB", () => {
    const enc = (t: string) => new Uint8Array(Buffer.from(t, "latin1"));
    expect(partHeadersProblem(enc('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--\r\n'), "b")).toBeNull();
    expect(partHeadersProblem(enc('--b\r\nContent-Disposition: form-data; name="\u00e9"\r\n\r\nx\r\n--b--\r\n'), "b")).toBeNull();
    expect(partHeadersProblem(enc('--b\r\nContent-Disposition: form-data; name="a\u0000"\r\n\r\nx\r\n--b--\r\n'), "b")).toBe("malformed part header");
    expect(partHeadersProblem(enc('--b\r\nBad Name: x\r\n\r\nx\r\n--b--\r\n'), "b")).toBe("malformed part header");
    expect(partHeadersProblem(enc(`--b\r\nX: ${"a".repeat(17_000)}\r\n\r\nx\r\n--b--\r\n`), "b")).toBe("part headers too large");
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
