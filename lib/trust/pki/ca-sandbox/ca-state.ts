import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import { REVOCATION_REASON_NAMES } from "../revocation-reason";

/** JSON-serialisable state of the sandbox CA, and where it is kept. */

const ZKeyedCertificate = z.object({
  certificatePem: z.string(),
  privateKeyPem: z.string(),
});

export const ZCaState = z.object({
  version: z.literal(1),
  root: ZKeyedCertificate,
  issuing: ZKeyedCertificate,
  /** The sandbox time-stamping authority's key and certificate, created on first use (ca-sandbox/tsa.ts). */
  tsa: ZKeyedCertificate.optional(),
  nextSerial: z.number().int().positive(),
  crlNumber: z.number().int().nonnegative(),
  issued: z.array(
    z.object({
      serial: z.string(),
      purpose: z.enum(["signing", "authentication"]),
      subject: z.string(),
      notAfter: z.string(),
    }),
  ),
  revoked: z.array(
    z.object({
      serial: z.string(),
      revokedAt: z.string(),
      reason: z.enum(REVOCATION_REASON_NAMES),
    }),
  ),
});
export type CaState = z.infer<typeof ZCaState>;

export interface CaStore {
  load(): Promise<CaState | null>;
  save(state: CaState): Promise<void>;
}

/** For tests and the bench: state lives in memory (deep-copied so callers cannot alias it). */
export class MemoryCaStore implements CaStore {
  private state: string | null = null;

  async load(): Promise<CaState | null> {
    return this.state === null ? null : ZCaState.parse(JSON.parse(this.state));
  }

  async save(state: CaState): Promise<void> {
    this.state = JSON.stringify(state);
  }
}

/**
 * One JSON file holding the sandbox CA's private keys (mode 0600). Writes go to a temporary
 * file then rename, so a crash never leaves a half-written CA.
 */
export class FileCaStore implements CaStore {
  constructor(private readonly path: string) {}

  async load(): Promise<CaState | null> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DomainError("pki.ca_state_invalid", {
        path: this.path,
        reason: "json",
      });
    }
    const parsed = ZCaState.safeParse(json);
    if (!parsed.success)
      throw new DomainError("pki.ca_state_invalid", {
        path: this.path,
        reason: "schema",
      });
    return parsed.data;
  }

  async save(state: CaState): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(state, null, 2), {
      encoding: "utf8",
      mode: 0o600,
    });
    await rename(tmp, this.path);
  }
}
