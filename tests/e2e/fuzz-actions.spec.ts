import type { APIRequestContext, Browser } from "@playwright/test";
import fc from "fast-check";
import { APPLICANT_PASSWORD, expect, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { builtActions, openE2eDatabase, type TBuiltAction } from "./support/actions";

/**
 * Issue 13 F3: no 5xx and no state change from any malformed call of any server action. Every
 * action of the production build (from Next's server-reference manifest, so a new action is fuzzed
 * without editing this file) is posted over HTTP the way React's client encodes a call —
 * `Next-Action: <id>`, the portal's own Origin, a text/plain JSON argument list (what `encodeReply`
 * writes for plain values) or a multipart body (FormData, files, outlined rows) — with malformed
 * arguments: NUL and lone surrogates, huge strings, wrong types, missing arguments, nested junk;
 * and with malformed encodings (bad JSON, references to rows the body lacks, too many arguments,
 * too deep, too big, broken multipart, unknown ids, wrong content types, no-JS form posts).
 * As an anonymous visitor, a signed-in applicant and an officer. After every request the main
 * tables' row counts and latest changes must be as before; a call that decoded must have been
 * refused by the action itself (`"ok":false` in the answer).
 */

const NUL = "\u0000";
const LONE = "\ud800";
const FIELDS = ["identifier", "name", "surname", "givenName", "email", "phone", "password", "passwordConfirm", "kind", "id", "applicationId", "reason", "text", "comment", "year", "orderId", "serviceCode", "variant", "organisationCode", "formData", "expectedVersion", "login", "role", "organisationId", "certificateId", "cms", "signature", "answer", "rating", "days", "slotKey", "ids"];
const CASES_PER_ACTION_AND_CALLER = 5;

type Case = {
  label: string;
  body: string | Buffer;
  contentType: string | null;
  /** The body is a well-formed reply: the action runs and must refuse it (`"ok":false`). */
  decodes: boolean;
  headers?: Record<string, string>;
  /** Another action id (or none): header-level cases. */
  actionId?: string | null;
  /** Post to this path instead of the action's page (forwarding to the page that has the action). */
  path?: string;
};

/** Deterministic random numbers (fast-check's generator), so a failure can be replayed. */
function rng(seed: number): () => number {
  const values = fc.sample(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { numRuns: 500, seed });
  let i = 0;
  return () => values[i++ % values.length]!;
}

function makeCases(r: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const unsafe = () => pick([NUL, LONE, "\udc00", `a${NUL}b`, `x${LONE}y`, `${"é".repeat(20)}${NUL}`, `<script>${NUL}</script>`, `' OR 1=1 --${LONE}`]);
  const junk = (): unknown => pick<() => unknown>([() => 123, () => -1e308, () => true, () => null, () => [1, "2", [3]], () => "0001-01-01", () => "9999-12-31", () => "$undefined", () => "$D0001-01-01T00:00:00.000Z", () => "$n99999999999999999999", () => "$NaN", () => "__proto__", () => "x".repeat(3000)])();
  const unsafeObject = () => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < 1 + Math.floor(r() * 5); i++) o[pick(FIELDS)] = r() < 0.5 ? unsafe() : junk();
    o[pick(FIELDS)] = unsafe(); // at least one: every generated object is malformed
    return o;
  };
  const nested = (depth: number): unknown => (depth === 0 ? unsafe() : { [pick(FIELDS)]: [junk(), nested(depth - 1)], [pick(FIELDS)]: junk() });
  const text = (label: string, args: unknown, decodes = true): Case => ({ label, body: JSON.stringify(args), contentType: "text/plain;charset=UTF-8", decodes });
  const raw = (label: string, body: string, decodes = false): Case => ({ label, body, contentType: "text/plain;charset=UTF-8", decodes });
  const multipart = (label: string, parts: [string, string | { file: Buffer; type: string; name?: string }][], decodes: boolean, boundary = `----fuzz${Math.floor(r() * 1e9)}`): Case => {
    const chunks: Buffer[] = [];
    for (const [name, v] of parts) {
      if (typeof v === "string") chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
      else chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${v.name ?? "скан.pdf"}"\r\nContent-Type: ${v.type}\r\n\r\n`), v.file, Buffer.from("\r\n"));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { label, body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}`, decodes };
  };
  const formFields = () => Object.entries(unsafeObject()).map(([k, v]) => [`1_${k}`, typeof v === "string" ? v.replace(LONE, NUL).replace("\udc00", NUL) : JSON.stringify(v) + NUL] as [string, string]);

  // The pool: every generated call takes the next factory, so all of them run many times. Multipart
  // bodies put row 0 last, as React's client does (the rows and files it refers to come first).
  const pool: (() => Case)[] = [
    () => text("missing arguments", []),
    () => text("only the previous state", [null]),
    () => text("input as the first argument", [unsafeObject()]),
    () => text("string instead of the input", [null, unsafe()]),
    () => text("wrong type instead of the input", [null, pick([123, true, -0, [unsafe()], "$undefined", "$D9999-12-31T23:59:59.999Z", "$n-1"])]),
    () => text("malformed fields", [null, unsafeObject()]),
    () => text("nested junk", [null, nested(2 + Math.floor(r() * 30))]),
    () => text("special values", ["$undefined", { a: "$D0001-01-01T00:00:00.000Z", b: "$n-12345678901234567890", c: "$NaN", d: "$-Infinity", e: `$$${unsafe()}`, [pick(FIELDS)]: unsafe() }]),
    () => text("prototype keys", [null, JSON.parse(`{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},"${pick(FIELDS)}":${JSON.stringify(unsafe())}}`)]),
    () => text("huge string (1.2 MB)", [null, { [pick(FIELDS)]: `${"x".repeat(1_200_000)}${NUL}` }]),
    () => text("many arguments", [null, unsafeObject(), ...Array.from({ length: 500 }, (_, i) => i)]),
    () => multipart("form with NUL values", [...formFields(), ["0", '[null,"$K1"]']], true),
    () => multipart("form with a file", [["1_slotKey", unsafe().replace(LONE, NUL)], ["1_file", { file: Buffer.from(`%PDF-1.4\n<html><script>alert(1)</script>${NUL}`), type: pick(["application/pdf", "text/html", "image/png"]) }], ["0", '[null,"$K1"]']], true),
    () => multipart("a file as the input", [["2", { file: Buffer.from("%PDF-1.4"), type: "application/pdf" }], ["0", '[null,"$B2"]']], true),
    () => multipart("outlined rows, map and set", [["1", '[["k","v"]]'], ["2", "[1,2]"], ["3", JSON.stringify({ [pick(FIELDS)]: unsafe() })], ["0", '[null,{"m":"$Q1","s":"$W2","r":"$3"}]']], true),
    () => multipart("forward reference (row 0 before its rows)", pick<[string, string | { file: Buffer; type: string }][]>([[["0", '[null,{"m":"$Q1"}]'], ["1", '[["k","v"]]']], [["0", '[null,"$B2"]'], ["2", { file: Buffer.from("%PDF-1.4"), type: "application/pdf" }]], [["0", '[null,"$1"]'], ["1", "{}"]]]), false),
    () => multipart("NUL in a part header", [["1_file", { file: Buffer.from("%PDF-1.4"), type: "application/pdf", name: `f${NUL}.pdf` }], ["0", '[null,"$K1"]']], false),
    () => raw("not JSON", pick(["[", "{", "", "[null,", "\u00ff\u00fe", "[null,{]"])),
    () => raw("not an argument list", pick(['"x"', "1", "null", "{}", '{"length":100000}', "true"])),
    () => raw("reference to a missing row", pick(['["$1"]', '[null,"$@5"]', '["$Q1"]', '["$W2"]', '["$i3"]', '["$B1"]', '["$h0"]', '["$T"]', '["$R1"]', '["$"]', '["$nabc"]', '["$a:b"]'])),
    () => raw("nested too deeply", `[null,${"[".repeat(300)}${"]".repeat(300)}]`),
    () => raw("too many arguments", JSON.stringify(Array.from({ length: 1001 }, () => 0))),
    () => raw("array too large for React (1.1 M slots)", JSON.stringify([null, "x".repeat(1_100_000)])),
    () => raw("body over 2 MiB", JSON.stringify([null, { a: "x".repeat(2_200_000) }])),
    () => multipart("multipart without row 0", [["1_identifier", NUL]], false),
    () => multipart("multipart row 0 not JSON", [["0", "[null,"]], false),
    () => multipart("multipart file reference to a string", [["2", "not a file"], ["0", '[null,"$B2"]']], false),
    () => ({ label: "multipart with a wrong boundary", body: Buffer.from(`--other\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--other--\r\n`), contentType: "multipart/form-data; boundary=zz", decodes: false }),
    () => ({ label: "multipart without a boundary", body: Buffer.from("[]"), contentType: "multipart/form-data", decodes: false }),
    () => ({ label: "JSON content type", body: JSON.stringify([null, unsafeObject()]), contentType: "application/json", decodes: true }),
    () => ({ label: "url-encoded body", body: `identifier=${encodeURIComponent(NUL)}`, contentType: "application/x-www-form-urlencoded", decodes: false }),
    () => ({ label: "no content type", body: Buffer.from(JSON.stringify([null, unsafeObject()])), contentType: null, decodes: true }),
    () => ({ ...text("unknown action id", [null, unsafeObject()], false), actionId: pick(["00".repeat(21), "7f" + "ab".repeat(20), "x", "../../etc/passwd", "toString", "__proto__", "f".repeat(500)]) }),
    () => ({ ...text("RSC request with a broken router state", [null, unsafeObject()], false), headers: { rsc: "1", "next-router-state-tree": pick(["%E0%A4%A", "%7B", encodeURIComponent('["",{"a":1}]'), "x".repeat(41_000)]) } }),
    () => ({ ...text("posted to another page (forwarded)", [null, unsafeObject()]), path: pick(["/ru", "/kk/catalogue", "/en/verify"]) }),
    () => ({ ...multipart("form posted without JavaScript", [["$ACTION_ID_<id>", ""], ...formFields()], true), actionId: null }),
    () => ({ ...multipart("form without JavaScript, broken bound arguments", [["$ACTION_REF_1", ""], ["$ACTION_1:0", pick(['{"id":"<id>"}', '{"id":"<id>","bound":"$@2"}', '{"id":"<id>","id":5,"bound":null}', "["])], ["$ACTION_KEY", "k0"]], false), actionId: null }),
  ];
  return pool;
}

type Outcome = { status: number; text: string };

async function post(request: APIRequestContext, baseURL: string, action: TBuiltAction, c: Case): Promise<Outcome> {
  const id = c.actionId === undefined ? action.id : c.actionId;
  const headers: Record<string, string> = { origin: new URL(baseURL).origin, accept: "text/x-component", ...c.headers };
  if (id !== null) headers["next-action"] = id;
  if (c.contentType) headers["content-type"] = c.contentType;
  // The no-JS form cases name the action in the body.
  const body = typeof c.body === "string" ? c.body.replaceAll("<id>", action.id) : Buffer.from(c.body.toString("latin1").replaceAll("<id>", action.id), "latin1");
  const res = await request.post(c.path ?? action.url, { headers, data: body, maxRedirects: 0, timeout: 60_000 });
  return { status: res.status(), text: res.status() === 200 && c.decodes ? await res.text() : "" };
}

type Caller = { name: string; login?: string; password?: string };
const CALLERS: Caller[] = [{ name: "anonymous" }, { name: "applicant", login: "050340000009", password: APPLICANT_PASSWORD }, { name: "officer", login: "aktobe.clerk", password: STAFF_PASSWORD }];

const actions = builtActions();

async function requestContextOf(browser: Browser, baseURL: string, caller: Caller) {
  const context = await browser.newContext({ baseURL });
  if (caller.login) {
    const page = await context.newPage();
    await signIn(page, caller.login, caller.password!);
    expect(new URL(page.url()).pathname, `${caller.name} signed in`).not.toMatch(/sign-in/);
    await page.close();
  }
  return context;
}

test.describe("fuzz: every server action of the build", () => {
  test("the manifest lists the portal's actions", () => {
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(actions.every((a) => a.url.startsWith("/ru"))).toBe(true);
  });

  // One test for the three callers, so that the totals below are those of one run.
  test("anonymous, applicant and officer: ≥ 500 calls, no 5xx, no state change", async ({ browser, baseURL }) => {
    test.setTimeout(30 * 60_000);
    const db = await openE2eDatabase();
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    let cases = 0;
    let fiveXX = 0;
    try {
      for (const [ci, caller] of CALLERS.entries()) {
        const context = await requestContextOf(browser, baseURL!, caller);
        let before = await db.state();
        try {
          for (const [ai, action] of actions.entries()) {
            const pool = makeCases(rng(20261207 + ai * 31 + ci));
            for (let j = 0; j < CASES_PER_ACTION_AND_CALLER; j++) {
              const c = pool[(ai * CASES_PER_ACTION_AND_CALLER + j + ci * 7) % pool.length]!();
              const what = `${caller.name} ${action.name} @ ${c.path ?? action.url}: ${c.label}`;
              const out = await post(context.request, baseURL!, action, c);
              cases++;
              byStatus.set(out.status, (byStatus.get(out.status) ?? 0) + 1);
              if (out.status >= 500) {
                fiveXX++;
                failures.push(`${what} → ${out.status}`);
              }
              // (A forwarded call answers with whatever the page that has the action answered; a no-JS form with the page.)
              if (c.decodes && out.status === 200 && c.actionId !== null && !c.path && (!out.text.includes('"ok":false') || out.text.includes('"ok":true'))) failures.push(`${what} → 200 without the action's refusal: ${out.text.slice(0, 200)}`);
              if (!c.decodes && (out.status < 400 || out.status >= 500)) failures.push(`${what} → ${out.status} (a malformed encoding must be a 4xx)`);
              const after = await db.state();
              if (after !== before) failures.push(`${what}: the database changed ${before} → ${after}`);
              before = after;
            }
          }
        } finally {
          await context.close();
        }
      }
    } finally {
      await db.close();
    }
    const statuses = JSON.stringify(Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)));
    console.log(`[fuzz-actions] ${actions.length} actions × ${CALLERS.length} callers × ${CASES_PER_ACTION_AND_CALLER} = ${cases} calls; statuses ${statuses}; 5xx: ${fiveXX}; other failures: ${failures.length - fiveXX}`);
    expect(failures.slice(0, 25)).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(500);
    expect(fiveXX).toBe(0);
  });

  test("a server action from another site's Origin is refused with 403", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const db = await openE2eDatabase();
    try {
      const before = await db.state();
      for (const action of actions.slice(0, 10)) {
        const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { origin: "not a url" }, { origin: new URL(baseURL!).origin, "sec-fetch-site": "cross-site" }];
        for (const headers of foreign) {
          const res = await request.post(action.url, { headers: { ...headers, "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" }, data: "[null,{}]", maxRedirects: 0 });
          expect(res.status(), `${action.name} ${JSON.stringify(headers)}`).toBe(403);
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe("auth.forbidden");
        }
        // A form posted without JavaScript from another site.
        const form = await request.post(action.url, { headers: { origin: "https://evil.example" }, multipart: { [`$ACTION_ID_${action.id}`]: "", identifier: "1" }, maxRedirects: 0 });
        expect(form.status(), `${action.name} no-JS form`).toBe(403);
      }
      expect(await db.state()).toBe(before);
    } finally {
      await db.close();
      await request.dispose();
    }
  });
});
