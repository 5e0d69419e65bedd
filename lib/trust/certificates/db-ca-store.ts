import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { type CaState, type CaStore, ZCaState } from "@/lib/trust/pki/server";

/**
 * The sandbox CA's state in the `CaState` table (one row, id "sandbox"), as the CaState JSON
 * plus a `revision` counter.
 *
 * Two guards keep two processes from issuing the same serial:
 * - `lock: true` (used by every CA operation of this module, inside a transaction): the row is
 *   read with SELECT … FOR UPDATE, so a second process waits until the first has committed and
 *   then loads the state with the advanced serial counter. A placeholder row is inserted first
 *   (ON CONFLICT DO NOTHING) so that even the very first creation of the CA is serialised.
 * - always: `save` is a compare-and-set on the revision loaded; a store whose state is stale
 *   gets `eds.errors.ca_busy` instead of overwriting another process's issuance.
 */

export const SANDBOX_CA_ID = "sandbox";

type Row = { state: unknown };

function parseState(json: unknown): { state: CaState | null; revision: number } {
  if (json === null || json === undefined) return { state: null, revision: 0 };
  const value = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  if (value === null) return { state: null, revision: 0 };
  const revision = typeof (value as { revision?: unknown }).revision === "number" ? (value as { revision: number }).revision : 0;
  const parsed = ZCaState.safeParse(value);
  if (!parsed.success) throw new DomainError("pki.ca_state_invalid", { store: "db", reason: "schema" });
  return { state: parsed.data, revision };
}

export class DbCaStore implements CaStore {
  /** Revision seen by the last load/save; null until loaded. */
  private revision: number | null = null;
  private readonly id: string;
  private readonly lock: boolean;

  constructor(
    private readonly db: DbOrTx,
    options: { id?: string; lock?: boolean } = {},
  ) {
    this.id = options.id ?? SANDBOX_CA_ID;
    this.lock = options.lock ?? false;
  }

  async load(): Promise<CaState | null> {
    let rows: Row[];
    if (this.lock) {
      await this.db.$executeRaw`INSERT INTO "CaState" (id, state, "updatedAt") VALUES (${this.id}, 'null'::jsonb, now()) ON CONFLICT (id) DO NOTHING`;
      rows = await this.db.$queryRaw<Row[]>`SELECT state FROM "CaState" WHERE id = ${this.id} FOR UPDATE`;
    } else {
      rows = await this.db.$queryRaw<Row[]>`SELECT state FROM "CaState" WHERE id = ${this.id}`;
    }
    const { state, revision } = parseState(rows[0]?.state ?? null);
    this.revision = revision;
    return state;
  }

  async save(state: CaState): Promise<void> {
    const expected = this.revision ?? 0;
    const json = JSON.stringify({ ...ZCaState.parse(state), revision: expected + 1 });
    const updated = await this.db.$executeRaw`
      UPDATE "CaState" SET state = ${json}::jsonb, "updatedAt" = now()
      WHERE id = ${this.id} AND COALESCE((state->>'revision')::int, 0) = ${expected}`;
    if (updated === 0) {
      // No row yet (store used without lock) or another process saved first.
      const inserted =
        expected === 0
          ? await this.db.$executeRaw`INSERT INTO "CaState" (id, state, "updatedAt") VALUES (${this.id}, ${json}::jsonb, now()) ON CONFLICT (id) DO NOTHING`
          : 0;
      if (inserted === 0) throw new DomainError("eds.errors.ca_busy", { expectedRevision: expected });
    }
    this.revision = expected + 1;
  }
}
