import { createHash } from "node:crypto";
import { logger } from "@/lib/platform/log";

/** What the database knows of a stored file: its length and SHA-256 (lowercase hex). */
export type TStoredObject = { size: number; sha256: string };

/** The bytes in storage are not the bytes the database row describes (or a write did not match). */
export class StorageIntegrityError extends Error {
  constructor(
    readonly key: string,
    readonly expected: TStoredObject,
    readonly actual: { size: number; sha256?: string },
  ) {
    super(`stored object ${key} does not match: expected ${expected.size} bytes sha256 ${expected.sha256}, got ${actual.size} bytes${actual.sha256 ? ` sha256 ${actual.sha256}` : ""}`);
    this.name = "StorageIntegrityError";
  }
}

/**
 * Passes bytes through while counting and hashing them, and holds the last chunk back until the
 * end: only when size and SHA-256 match is it released. A reader (or an upload's receiver)
 * therefore never gets a complete object that differs from `expected` — the stream fails first.
 * Memory: one chunk, whatever the file size.
 */
export function verifyingTransform(key: string, expected: TStoredObject): TransformStream<Uint8Array, Uint8Array> {
  const hash = createHash("sha256");
  let size = 0;
  let held: Uint8Array | null = null;
  const fail = (controller: TransformStreamDefaultController<Uint8Array>, actual: { size: number; sha256?: string }) => {
    const err = new StorageIntegrityError(key, expected, actual);
    logger.error({ key, expected, actual }, "file storage: integrity check failed");
    controller.error(err);
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size > expected.size) return fail(controller, { size });
      hash.update(chunk);
      if (held) controller.enqueue(held);
      held = chunk;
    },
    flush(controller) {
      const sha256 = hash.digest("hex");
      if (size !== expected.size || sha256 !== expected.sha256) return fail(controller, { size, sha256 });
      if (held) controller.enqueue(held);
    },
  });
}

/** A stream of the body, whichever form the caller has. */
export function asStream(body: Uint8Array | ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  if (!(body instanceof Uint8Array)) return body;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (body.byteLength > 0) controller.enqueue(body);
      controller.close();
    },
  });
}

/** Reads a whole stream (small files and tests; downloads stream instead). */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
