import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { Prisma } from "./generated/client";

/**
 * Raw SQL of a transaction straight on its pg connection (issue 14: the write path's cost is per
 * statement, and a raw statement through the Prisma client costs 4–8× what the same statement
 * costs on the pg driver underneath; docs/performance.md).
 *
 * Prisma's interactive transaction does not expose its connection, so the pool handed to the
 * adapter notes which connection a transaction took when it is asked inside `directTransaction`
 * (the adapter asks for it within the caller's async context). `directTx` then gives the caller a
 * transaction client whose `$queryRaw` / `$executeRaw` (and the Unsafe variants) run on that
 * connection, in the same transaction, as prepared statements, with the values written and the
 * results read back as Prisma's raw queries write and read them; model calls still go through
 * Prisma. lib/platform/db/client.ts makes every interactive `$transaction` of the portal's client
 * such a transaction.
 */

/** The connection a transaction took, and whether it has gone back to the pool (commit, rollback, timeout). */
type Slot = { connection?: Promise<pg.PoolClient>; released: boolean };
const capture = new AsyncLocalStorage<Slot>();

/** The pool handed to Prisma's adapter: notes the connection of a transaction started inside `directTransaction`. */
export class CapturingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: any): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    const slot = capture.getStore();
    const connection = super.connect();
    // Only the first connection asked for in the slot's context: the transaction's own.
    if (slot && !slot.connection) {
      slot.connection = connection.then((client) => {
        // pg-pool sets `release` per checkout; after it the connection may serve another transaction.
        const release = client.release.bind(client);
        client.release = (err?: Error | boolean) => {
          slot.released = true;
          return release(err);
        };
        return client;
      });
      return slot.connection;
    }
    return connection;
  }
}

/**
 * `$transaction(fn, options)` of Prisma, with `fn` given the transaction client whose raw
 * statements run on the transaction's own connection (see the module comment). When the
 * connection is not known (the adapter took none in this context: a savepoint client's
 * `$transaction`, or a client without a `CapturingPool`), `fn` gets Prisma's client unchanged.
 */
export function directTransaction<T, TX extends object>(
  prismaTransaction: (fn: (tx: TX) => Promise<T>, options?: unknown) => Promise<T>,
  fn: (tx: TX) => Promise<T>,
  options?: unknown,
): Promise<T> {
  const slot: Slot = { released: false };
  return capture.run(slot, () =>
    prismaTransaction(async (tx) => {
      const connection = slot.connection ? await slot.connection : undefined;
      return fn(connection && !isDirect(tx) ? directTx(tx, connection, slot) : tx);
    }, options),
  );
}

// ---- values and results as Prisma's raw queries treat them (adapter-pg + client) -------------------

const pad = (n: number, z = 2) => String(n).padStart(z, "0");

/** A Date as the adapter sends it: UTC wall time without a zone (the columns are `timestamp(3)`). */
function formatDateTime(d: Date): string {
  const ms = d.getUTCMilliseconds();
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ""}`;
}

function toParameter(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return formatDateTime(v);
  if (Array.isArray(v)) return v.map(toParameter);
  if (Prisma.Decimal.isDecimal(v)) return (v as Prisma.Decimal).toString();
  if (typeof v === "bigint") return v.toString();
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === "object") return JSON.stringify(v);
  return v;
}

const textArray = pg.types.getTypeParser(1009 as never, "text") as (s: string) => (string | null)[];
const arrayOf =
  <T>(element: (s: string) => T) =>
  (s: string): (T | null)[] =>
    textArray(s).map((x) => (x === null ? null : element(x)));

const utcTimestamp = (s: string) => new Date(`${s.replace(" ", "T")}Z`);
const utcDate = (s: string) => new Date(`${s}T00:00:00Z`);
const decimal = (s: string) => new Prisma.Decimal(s);

// oid → parser of the text format; everything else keeps pg's default (int4, float8, bool,
// json/jsonb parsed, timestamptz with its offset, text, uuid, enums as strings).
const PARSERS: Record<number, (s: string) => unknown> = {
  20: BigInt, // int8
  1016: arrayOf(BigInt),
  1700: decimal, // numeric
  1231: arrayOf(decimal),
  1082: utcDate, // date
  1182: arrayOf(utcDate),
  1114: utcTimestamp, // timestamp without time zone
  1115: arrayOf(utcTimestamp),
  1083: (s) => new Date(`1970-01-01T${s}Z`), // time
};
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    format !== "binary" && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};

// Statements run as named (prepared) statements: PostgreSQL parses and plans each text once per
// connection instead of on every call (issue 14: planning was a large part of the database's CPU
// per submission). Texts that vary with their data (multi-row inserts, IN lists) are bounded by
// the cap; beyond it a statement runs unnamed, as before.
const PREPARED_CAP = 2_000;
const preparedNames = new Map<string, string>();
function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < PREPARED_CAP) preparedNames.set(text, (name = `direct_${preparedNames.size}`));
  return name;
}

/** One parameterised statement on `client`, with Prisma's value and result conventions. */
export async function runSql<T = unknown>(client: pg.ClientBase | pg.Pool, text: string, values: readonly unknown[]): Promise<{ rows: T[]; rowCount: number }> {
  const res = await client.query({ name: preparedName(text), text, values: values.map(toParameter), types });
  return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
}

type SqlInput = readonly [query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]];

function asSql([query, ...values]: SqlInput): { text: string; values: unknown[] } {
  if (query instanceof Prisma.Sql) return { text: query.text, values: query.values };
  const sql = Prisma.sql(query as TemplateStringsArray, ...values);
  return { text: sql.text, values: sql.values };
}

/**
 * `tx` with its raw statements on `connection` (see the module comment). The returned object is
 * still a Prisma transaction client for everything else.
 */
export function directTx<TX extends object>(tx: TX, connection: pg.PoolClient, slot: Slot): TX {
  const run = <T>(text: string, values: readonly unknown[]) => {
    // Prisma closed the transaction (its timeout): the connection is no longer ours.
    if (slot.released) return Promise.reject(new Error("Transaction already closed: the connection went back to the pool"));
    return runSql<T>(connection, text, values);
  };
  const overrides: Record<string, unknown> = {
    $queryRaw: async (...args: SqlInput) => {
      const { text, values } = asSql(args);
      return (await run(text, values)).rows;
    },
    $executeRaw: async (...args: SqlInput) => {
      const { text, values } = asSql(args);
      return (await run(text, values)).rowCount;
    },
    $queryRawUnsafe: async (text: string, ...values: unknown[]) => (await run(text, values)).rows,
    $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await run(text, values)).rowCount,
    [DIRECT]: true,
    [THROUGH_PRISMA]: tx,
  };
  return new Proxy(tx, {
    get: (target, prop, receiver) => (prop in overrides ? overrides[prop as string] : (Reflect.get(target, prop, receiver) as unknown)),
  });
}

const DIRECT = Symbol.for("elicense.db.direct");
const THROUGH_PRISMA = Symbol.for("elicense.db.through-prisma");

/** The Prisma transaction client under a direct one (tests compare the two paths). */
export function throughPrisma<TX extends object>(tx: TX): TX {
  return ((tx as Record<symbol, unknown>)[THROUGH_PRISMA] as TX | undefined) ?? tx;
}

/** Whether `tx` runs its raw statements on the driver (for tests and the statement trace). */
export function isDirect(tx: object): boolean {
  return (tx as Record<symbol, unknown>)[DIRECT] === true;
}
