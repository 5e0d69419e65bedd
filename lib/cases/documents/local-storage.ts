import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { asStream, readAll, verifyingTransform, type TStoredObject } from "./integrity";
import { assertStorageKey, type FileStorage } from "./storage";

export const DEFAULT_UPLOAD_DIR = ".data/uploads";

/** Upload folder: `UPLOAD_DIR`, else `.data/uploads` under the working directory. */
export function uploadDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.UPLOAD_DIR?.trim() || DEFAULT_UPLOAD_DIR);
}

/** Files under one folder: `<root>/ab/cd/<32 hex>`. Right for one server, or a shared file system. */
export class LocalFileStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Only well-formed keys map to paths, so a key can never climb out of the root. */
  pathOf(key: string): string {
    const m = assertStorageKey(key);
    return path.join(this.root, m[1]!, m[2]!, m[3]!);
  }

  async put(key: string, body: Uint8Array | ReadableStream<Uint8Array>, expected: TStoredObject): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Temp file in the same folder (same file system), checked and flushed, then renamed over the target.
    const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const checked = asStream(body).pipeThrough(verifyingTransform(key, expected));
      await pipeline(Readable.fromWeb(checked as NodeWebReadableStream<Uint8Array>), createWriteStream(tmp, { flags: "wx", mode: 0o600, flush: true }));
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async stream(key: string, expected?: TStoredObject): Promise<ReadableStream<Uint8Array> | null> {
    const p = this.pathOf(key);
    if (!(await this.exists(key))) return null;
    const raw = Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array>;
    return expected ? raw.pipeThrough(verifyingTransform(key, expected)) : raw;
  }

  async get(key: string, expected?: TStoredObject): Promise<Uint8Array | null> {
    const s = await this.stream(key, expected);
    return s ? readAll(s) : null;
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
