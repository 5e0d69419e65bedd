import { readFileSync } from "node:fs";
import path from "node:path";

/** Cookies of a next-auth session, as a Cookie header value. */
export type Session = string;

function cookiesOf(res: Response, jar: Map<string, string>): void {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
}
const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in with login and password through next-auth's own endpoints on `base` (one instance or the balancer). */
export async function signIn(base: string, login: string, password: string): Promise<Session> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar), origin: base },
    body: new URLSearchParams({ csrfToken, login, password, json: "true" }),
  });
  cookiesOf(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in of ${login} at ${base} failed: HTTP ${res.status} ${await res.text()}`);
  return header(jar);
}

/**
 * Calls a server action of the production build as the browser does (Next-Action header, the
 * arguments as a React reply). `file` and `name` identify it in the build's manifest.
 */
export async function callServerAction(base: string, session: Session, o: { page: string; file: string; name: string; args: unknown[] }): Promise<Response> {
  return fetch(`${base}${o.page}`, {
    method: "POST",
    headers: { "next-action": serverActionId(o.file, o.name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie: session, origin: base },
    body: JSON.stringify(o.args),
  });
}

const actionIds = new Map<string, string>();

/** The id of server action `name` of `file` in the build's manifest (.next of the working directory; read once). */
export function serverActionId(file: string, name: string): string {
  if (!actionIds.size) {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { filename?: string; exportedName?: string }>;
    };
    for (const [id, v] of Object.entries(manifest.node)) if (v.filename && v.exportedName) actionIds.set(`${v.filename}#${v.exportedName}`, id);
  }
  const id = actionIds.get(`${file}#${name}`);
  if (!id) throw new Error(`server action ${name} of ${file} is not in the build's manifest`);
  return id;
}

/** The result of a server action from its RSC answer: `{ ok, data | code }` (null when none is found). */
export function serverActionResult(text: string): { ok: boolean; code?: string; data?: unknown } | null {
  for (const line of text.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    if (!json.startsWith("{")) continue;
    try {
      const v = JSON.parse(json) as { ok?: unknown };
      if (typeof v.ok === "boolean") return v as { ok: boolean; code?: string };
    } catch {
      // another row of the stream
    }
  }
  return null;
}

export type SubmitOutcome = { status: number; code?: string; registrationNumber?: string } | { status: "network"; error: string };

/** POST /api/v1/applications/{id}/submit; a dropped connection is an outcome, not an exception. */
export async function submit(base: string, d: { id: string; token: string; cms: string }): Promise<SubmitOutcome> {
  try {
    const r = await fetch(`${base}/api/v1/applications/${d.id}/submit`, {
      method: "POST",
      headers: { authorization: `Bearer ${d.token}`, "content-type": "application/json" },
      body: JSON.stringify({ cms: d.cms }),
      signal: AbortSignal.timeout(90_000),
    });
    const body = (await r.json().catch(() => null)) as { registrationNumber?: string; error?: { code?: string } } | null;
    return { status: r.status, code: body?.error?.code, registrationNumber: body?.registrationNumber };
  } catch (e) {
    return { status: "network", error: String((e as { cause?: { code?: string } }).cause?.code ?? e) };
  }
}

/** `submit`, repeated while the answer is lost or a server error (an overloaded instance), at most `attempts` times. */
export async function submitUntilAnswered(base: string, d: { id: string; token: string; cms: string }, attempts = 10): Promise<SubmitOutcome> {
  let r: SubmitOutcome = { status: "network", error: "not tried" };
  for (let i = 0; i < attempts; i++) {
    r = await submit(base, d);
    if (r.status !== "network" && r.status < 500) return r;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return r;
}

/** Runs `fn` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}
