import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/**
 * Where attachment bytes live. The database keeps only the key; the key is random and never
 * derived from a user's file name. A local-disk implementation is below; an S3-compatible
 * adapter can implement the same four (five) calls later (see README.md).
 */
export interface FileStorage {
  /** Stores the bytes under `key`; atomically (a reader never sees a half-written file). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such key. */
  get(key: string): Promise<Uint8Array | null>;
  /** The bytes as a stream (for downloads), or null when there is no such key. */
  stream(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; no error when it does not exist. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** `ab/cd/<32 hex>`: 128 random bits, sharded two levels deep so no folder grows huge. */
const KEY_RE = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{32})$/;

export function newStorageKey(): string {
  const hex = randomBytes(16).toString("hex");
  return `${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`;
}

export function isStorageKey(key: string): boolean {
  return KEY_RE.test(key);
}

export const DEFAULT_UPLOAD_DIR = ".data/uploads";

/** Upload folder: `UPLOAD_DIR`, else `.data/uploads` under the working directory. */
export function uploadDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.UPLOAD_DIR?.trim() || DEFAULT_UPLOAD_DIR);
}

export class LocalFileStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Only well-formed keys map to paths, so a key can never climb out of the root. */
  private pathOf(key: string): string {
    const m = KEY_RE.exec(key);
    if (!m) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, m[1]!, m[2]!, m[3]!);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Temp file in the same folder (same file system), flushed, then renamed over the target.
    const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    const fh = await open(tmp, "wx", 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } catch (e) {
      await fh.close();
      await rm(tmp, { force: true });
      throw e;
    }
    await fh.close();
    try {
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const p = this.pathOf(key);
    if (!(await this.exists(key))) return null;
    return Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "ENOENT";
}

let defaultStorage: FileStorage | undefined;

/** The process-wide storage (local disk under `uploadDir()`). */
export function getFileStorage(): FileStorage {
  defaultStorage ??= new LocalFileStorage(uploadDir());
  return defaultStorage;
}
