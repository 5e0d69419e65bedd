import { randomBytes } from "node:crypto";
import type { TStoredObject } from "./integrity";

/**
 * Where attachment bytes live. The database keeps only the key (plus size and SHA-256); the key
 * is random and never derived from a user's file name. Two adapters: local disk
 * (`LocalFileStorage`, the default) and S3-compatible object stores (`S3FileStorage`);
 * `getFileStorage()` picks one from the environment (storage-config.ts).
 *
 * Both check the SHA-256 on write and on read by streaming through `verifyingTransform`: a write
 * whose bytes differ from `expected` keeps nothing, a read of changed bytes fails before the
 * last chunk. Neither buffers a whole file.
 */
export interface FileStorage {
  /**
   * Stores the body under `key`, atomically (a reader never sees a half-written object). The body
   * must be exactly `expected` (size and SHA-256), else nothing is kept and StorageIntegrityError is thrown.
   */
  put(key: string, body: Uint8Array | ReadableStream<Uint8Array>, expected: TStoredObject): Promise<void>;
  /** The bytes as a stream, or null when there is no such key; with `expected`, verified (see above). */
  stream(key: string, expected?: TStoredObject): Promise<ReadableStream<Uint8Array> | null>;
  /** The whole object (small files, tools, tests), verified like `stream`; null when missing. */
  get(key: string, expected?: TStoredObject): Promise<Uint8Array | null>;
  /** Removes the object; no error when it does not exist. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** `ab/cd/<32 hex>`: 128 random bits, sharded two levels deep so no folder grows huge. */
export const STORAGE_KEY_RE = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{32})$/;

export function newStorageKey(): string {
  const hex = randomBytes(16).toString("hex");
  return `${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`;
}

export function isStorageKey(key: string): boolean {
  return STORAGE_KEY_RE.test(key);
}

/** Refuses anything but our own key format, so no key can name a path or object outside ours. */
export function assertStorageKey(key: string): RegExpExecArray {
  const m = STORAGE_KEY_RE.exec(key);
  if (!m) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return m;
}
