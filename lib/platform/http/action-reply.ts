/**
 * Is this server-action request one that Next.js and React can decode? (issue 13, F3)
 *
 * Next decodes a server action's arguments with React's `decodeReply` before any code of ours runs,
 * and answers 500 to whatever fails there: a body that is not JSON, a root that is not an argument
 * list, a `$`-reference to a row the body does not hold, a server or temporary reference, a nesting
 * deep enough to overflow the stack, more than 1,000 arguments, a body over the configured limit
 * (Next's own 413 is turned into a 500 for fetch actions), a malformed multipart body, a form post
 * whose bound-argument descriptor is broken. This module checks the same things first, so proxy.ts
 * can answer 400/413. It accepts everything React's `encodeReply` produces for the values the
 * portal's actions take: JSON values, `undefined`, dates, bigints, NaN/±Infinity/-0, FormData
 * (`$K`), files (`$B`), and outlined rows, Maps, Sets, iterables and promises that the body holds.
 *
 * Pure (Web APIs only) and mirrored on react-server-dom's `parseModelString` / `getOutlinedModel`
 * (next/dist/compiled/react-server-dom-turbopack, server.node): keep in step when Next is upgraded;
 * tests/unit/http/action-reply.test.ts and tests/e2e/fuzz-actions.spec.ts check both sides.
 */

/** next.config.js `experimental.serverActions.bodySizeLimit` ("2mb", parsed by Next as 2 MiB). */
export const ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Next's SERVER_ACTION_ARGS_LIMIT, and React's limit of bound arguments. */
const MAX_ARGS = 1000;
/** React's default `arraySizeLimit`: slots of nested arrays (and strings in them) per reply. */
const ARRAY_SLOTS_LIMIT = 1_000_000;
/** Deeper nesting than any form sends; React's recursive reviver would overflow far later. */
const MAX_DEPTH = 100;
/** Longest BigInt React accepts (digits). */
const MAX_BIGINT_DIGITS = 300;

export type TActionRefusal = { status: 400 | 413; reason: string };
type Row = string | Blob | null;
type Rows = (key: string) => Row;
/**
 * Where a key first occurs in a multipart body. Next streams multipart actions through busboy and
 * React resolves row 0 as soon as it arrives: every row or file it references (directly or through
 * other rows) must have arrived before it ("Invalid forward reference", "Referenced Blob is not a
 * Blob"); React's client writes them first. Text bodies have one row: no order.
 */
type Order = { position: (key: string) => number | undefined; before: number };

class Refused extends Error {}
const refused = (reason: string): never => {
  throw new Refused(reason);
};

/** One decoding: the rows of one prefix, rows already walked, the array-slot budget. */
class Reply {
  private readonly parsed = new Map<number, unknown>();
  private slots = 0;
  private fork = false;
  constructor(
    private readonly rows: Rows,
    private readonly prefix: string,
    private readonly order: Order | null = null,
  ) {}

  /** A row or file that must be there when the root is decoded. */
  private arrived(id: number): void {
    if (!this.order) return;
    const at = this.order.position(this.prefix + id);
    if (at === undefined || at >= this.order.before) refused(`row ${id} comes after the arguments`);
  }

  /** The parsed JSON of row `id` (walked once; later references reuse it, as React's chunks do). */
  row(id: number): unknown {
    if (!Number.isFinite(id)) refused("reference to no row");
    if (this.parsed.has(id)) return this.parsed.get(id);
    const raw = this.rows(this.prefix + id);
    if (typeof raw !== "string") refused(`row ${id} missing`);
    let value: unknown;
    try {
      value = JSON.parse(raw as string);
    } catch {
      refused(`row ${id} is not JSON`);
    }
    this.parsed.set(id, value);
    this.walk(value, 0, true);
    if (this.fork && this.slots > ARRAY_SLOTS_LIMIT) refused("arrays too large");
    return value;
  }

  private walk(value: unknown, depth: number, inArray: boolean): void {
    if (depth > MAX_DEPTH) refused("nested too deeply");
    if (typeof value === "string") return this.string(value, inArray);
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      if (value.length > 1) this.fork = true;
      this.slots += value.length + 1;
      for (const v of value) this.walk(v, depth + 1, true);
      return;
    }
    // An object's members start a new array context in React (strings there are not counted).
    for (const v of Object.values(value)) this.walk(v, depth + 1, false);
  }

  private string(s: string, inArray: boolean): void {
    if (s[0] !== "$") {
      if (inArray) this.slots += s.length;
      return;
    }
    const tag = s[1];
    const rest = s.slice(2);
    switch (tag) {
      case "$":
        if (inArray) this.slots += s.length - 1;
        return;
      case "u": // undefined
      case "I": // Infinity
      case "-": // -0, -Infinity
      case "N": // NaN
      case "D": // a date (an unparsable one is an Invalid Date, not an error)
      case "K": // the FormData entries under a prefix (none: an empty FormData)
        return;
      case "n":
        if (!/^-?\d+$/.test(rest) || rest.length > MAX_BIGINT_DIGITS) refused("bad bigint");
        if (inArray) this.slots += rest.length;
        return;
      case "B":
        if (!(this.rows(this.prefix + parseInt(rest, 16)) instanceof Blob)) refused("reference to no file");
        this.arrived(parseInt(rest, 16));
        return;
      case "@": // a promise of a row
        this.row(parseInt(rest, 16));
        return;
      case "Q": // Map: an array of [key, value] entries
        if (!Array.isArray(this.resolve(rest)) || !(this.resolve(rest) as unknown[]).every(Array.isArray)) refused("bad map");
        return;
      case "W": // Set
      case "i": // iterable
        if (!Array.isArray(this.resolve(rest))) refused("bad set or iterable");
        return;
      default:
        // `$<hex>[:key…]`: an outlined row (or a part of one). Everything else — server references
        // ($h), temporary references ($T), typed arrays, streams, async iterables — no action of
        // the portal takes, and most of it fails to decode without its rows.
        if (tag === undefined || !/^[0-9a-fA-F]/.test(tag) || tag === "A" || tag === "B" || tag === "D") refused(`unsupported reference $${tag ?? ""}`);
        this.resolve(s.slice(1));
    }
  }

  /** `id:key:key` → the value React's getOutlinedModel would reach (own keys of plain JSON only). */
  private resolve(reference: string): unknown {
    const [head, ...path] = reference.split(":");
    const id = parseInt(head ?? "", 16);
    if (Number.isFinite(id)) this.arrived(id);
    let value = this.row(id);
    for (const key of path) {
      if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, key)) refused("invalid reference path");
      value = (value as Record<string, unknown>)[key];
      if (typeof value === "string" && value.startsWith("$") && !value.startsWith("$$")) refused("reference path through a reference");
    }
    return value;
  }
}

function run(check: () => void): TActionRefusal | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof Refused) return { status: 400, reason: e.message };
    // JSON nesting deep enough to overflow our own walk: refused like any other malformed body.
    if (e instanceof RangeError) return { status: 400, reason: "nested too deeply" };
    throw e;
  }
}

/** The arguments of a fetch action: row 0 must be an argument list (Next applies it to the action). */
export function argumentsProblem(rows: Rows, order: Order | null = null): TActionRefusal | null {
  return run(() => {
    const args = new Reply(rows, "", order).row(0);
    if (!Array.isArray(args)) refused("arguments are not a list");
    if ((args as unknown[]).length > MAX_ARGS) refused("too many arguments");
  });
}

/**
 * A form posted without JavaScript (no `Next-Action` header): every `$ACTION_REF_<p>` needs a
 * descriptor `{"id": "…", "bound": null | list}` in `$ACTION_<p>:0` whose rows decode.
 */
export function formActionProblem(form: FormData): TActionRefusal | null {
  const rows: Rows = (key) => {
    const v = form.get(key);
    return v === null ? null : v;
  };
  return run(() => {
    for (const key of form.keys()) {
      if (!key.startsWith("$ACTION_REF_")) continue;
      const reply = new Reply(rows, `$ACTION_${key.slice("$ACTION_REF_".length)}:`);
      const descriptor = reply.row(0);
      if (descriptor === null || typeof descriptor !== "object" || Array.isArray(descriptor)) refused("bad action descriptor");
      const { id, bound } = descriptor as { id?: unknown; bound?: unknown };
      if (typeof id !== "string") refused("bad action id");
      if (bound === null) continue;
      // Bound arguments: a list, or (as React writes it) a promise of a row holding one.
      const list = typeof bound === "string" && bound.startsWith("$@") ? reply.row(parseInt(bound.slice(2), 16)) : bound;
      if (!Array.isArray(list) || list.length > MAX_ARGS) refused("bad bound arguments");
    }
  });
}

/** Next's own classification (server-action-request-meta): multipart by a case-sensitive prefix. */
export function isMultipart(contentType: string | null): boolean {
  return (contentType ?? "").startsWith("multipart/form-data");
}

/**
 * Checks a server-action request's body (already read, at most ACTION_BODY_LIMIT_BYTES): a fetch
 * action (`nextAction` set) as text or multipart, a form post (multipart without the header) by
 * its action descriptors. null: Next can decode it.
 */
export async function actionBodyProblem(contentType: string | null, nextAction: string | null, body: Uint8Array): Promise<TActionRefusal | null> {
  if (!isMultipart(contentType)) {
    if (nextAction === null) return null;
    // Next reads any other body as the text of row 0 (invalid UTF-8 becomes U+FFFD, as in Buffer#toString).
    const text = new TextDecoder().decode(body);
    return argumentsProblem((key) => (key === "0" ? text : null));
  }
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType! } }).formData();
  } catch {
    return { status: 400, reason: "malformed multipart body" };
  }
  if (nextAction === null) return formActionProblem(form);
  // Next parses fetch actions with busboy, which is stricter about part headers than the parser above.
  const headers = partHeadersProblem(body, boundaryOf(contentType!));
  if (headers) return { status: 400, reason: headers };
  const keys = [...form.keys()];
  const position = new Map<string, number>();
  for (const [i, key] of keys.entries()) {
    if (!position.has(key)) position.set(key, i);
    // A row sent twice: busboy and the parser above would not agree on which one counts.
    else if (/^\d+$/.test(key)) return { status: 400, reason: `row ${key} sent twice` };
  }
  return argumentsProblem((key) => form.get(key), { position: (key) => position.get(key), before: position.get("0") ?? Infinity });
}

function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  return m?.[1] ?? m?.[2] ?? "";
}

// busboy's HeaderParser (next/dist/compiled/busboy): a header name of token characters, a value of
// HTAB, SP, visible ASCII or bytes ≥ 0x80 (no NUL, no other control character), continuation lines,
// at most 16 KiB of headers per part. Anything else is "Malformed part header", a 500 from Next.
const HEADER_LINE = /^(?:[!#$%&'*+\-.^_`|~0-9A-Za-z]+:|[ \t])[\t\x20-\x7e\x80-\xff]*$/;
const MAX_PART_HEADER_BYTES = 16 * 1024;

function latin1(body: Uint8Array): string {
  let out = "";
  for (let i = 0; i < body.length; i += 0x8000) out += String.fromCharCode(...body.subarray(i, i + 0x8000));
  return out;
}

/** The first part whose header block busboy would refuse (the body already parsed as multipart). */
export function partHeadersProblem(body: Uint8Array, boundary: string): string | null {
  if (!boundary) return "no boundary";
  const s = latin1(body);
  const delimiter = `--${boundary}`;
  let at = s.indexOf(delimiter);
  while (at !== -1) {
    let i = at + delimiter.length;
    if (s.startsWith("--", i)) return null;
    while (s[i] === " " || s[i] === "\t") i++;
    if (!s.startsWith("\r\n", i)) return "malformed boundary line";
    i += 2;
    const end = s.startsWith("\r\n", i) ? i : s.indexOf("\r\n\r\n", i);
    if (end === -1) return "part headers not ended";
    if (end - i + 4 > MAX_PART_HEADER_BYTES) return "part headers too large";
    if (end > i && !s.slice(i, end).split("\r\n").every((line) => HEADER_LINE.test(line))) return "malformed part header";
    at = s.indexOf(`\r\n${delimiter}`, end);
    if (at !== -1) at += 2;
  }
  return null;
}
