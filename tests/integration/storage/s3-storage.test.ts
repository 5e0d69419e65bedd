import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStorage, fileStorageConfig, newStorageKey, S3FileStorage, sha256Hex, StorageIntegrityError, type TStoredObject } from "@/lib/cases/documents";
import { startS3Server, type S3TestServer } from "@/scripts/cluster/s3-server.mjs";

// The S3 adapter against a real S3 wire-protocol server (s3rver: HTTP, SigV4 checked), not a mock.
let dir: string;
let server: S3TestServer;
let storage: S3FileStorage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "elicense-s3-"));
  server = await startS3Server({ directory: dir });
  storage = createFileStorage(fileStorageConfig(server.env)) as S3FileStorage;
});
afterAll(async () => {
  storage?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const described = (bytes: Uint8Array): TStoredObject => ({ size: bytes.length, sha256: sha256Hex(bytes) });

function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) n += chunk.length;
  return n;
}

describe("S3FileStorage", () => {
  it("FILE_STORAGE=s3 builds the S3 adapter for the configured bucket", () => {
    expect(storage).toBeInstanceOf(S3FileStorage);
    expect(storage.bucket).toBe("elicense-files");
  });

  it("puts, heads, reads, streams and deletes an object under the storage key", async () => {
    const key = newStorageKey();
    const bytes = new TextEncoder().encode("%PDF-1.7 s3 object");
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stream(key)).toBeNull();
    await storage.put(key, bytes, described(bytes));
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.head(key)).toEqual({ size: bytes.length, sha256: sha256Hex(bytes) });
    expect(await storage.get(key, described(bytes))).toEqual(bytes);
    expect(new Uint8Array(await new Response(await storage.stream(key, described(bytes))).arrayBuffer())).toEqual(bytes);
    await storage.delete(key);
    await storage.delete(key); // no error for a missing object
    expect(await storage.exists(key)).toBe(false);
  });

  it("streams a 6 MiB upload in 64 KiB chunks and reads it back intact", async () => {
    const key = newStorageKey();
    const bytes = new Uint8Array(6 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 256;
    await storage.put(key, chunked(bytes, 65_536), described(bytes));
    expect((await storage.head(key))?.size).toBe(bytes.length);
    expect(await drain((await storage.stream(key, described(bytes)))!)).toBe(bytes.length);
    expect(sha256Hex((await storage.get(key, described(bytes)))!)).toBe(sha256Hex(bytes));
  });

  it("a body that is not what was announced leaves no object", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7 announced");
    const other = new TextEncoder().encode("%PDF-1.7 announceD");
    for (const [body, expected] of [
      [chunked(other, 5), described(bytes)],
      [bytes, { size: bytes.length, sha256: sha256Hex(other) }],
      [bytes, { size: bytes.length + 10, sha256: sha256Hex(bytes) }],
    ] as const) {
      const key = newStorageKey();
      await expect(storage.put(key, body, expected)).rejects.toThrow();
      expect(await storage.exists(key)).toBe(false);
    }
  });

  it("an object changed in the store fails the read before its last byte", async () => {
    const key = newStorageKey();
    const bytes = new Uint8Array(300_000).fill(7);
    await storage.put(key, bytes, described(bytes));
    // Someone rewrites the object behind the portal's back (same length, one byte differs).
    const tampered = bytes.slice();
    tampered[299_999] = 8;
    const raw = new S3Client({
      endpoint: server.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: server.env.S3_ACCESS_KEY_ID, secretAccessKey: server.env.S3_SECRET_ACCESS_KEY },
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: tampered }));
    raw.destroy();
    await expect(storage.get(key, described(bytes))).rejects.toBeInstanceOf(StorageIntegrityError);
    let received = 0;
    await expect(
      (async () => {
        for await (const chunk of (await storage.stream(key, described(bytes)))! as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
      })(),
    ).rejects.toBeInstanceOf(StorageIntegrityError);
    expect(received).toBeLessThan(bytes.length);
    // A different length is refused before any byte is read.
    await expect(storage.stream(key, { size: bytes.length + 1, sha256: sha256Hex(bytes) })).rejects.toBeInstanceOf(StorageIntegrityError);
  });

  it("two portal processes with different local folders share the files through the store", async () => {
    const a = createFileStorage(fileStorageConfig({ ...server.env, UPLOAD_DIR: path.join(dir, "instance-a") }));
    const b = createFileStorage(fileStorageConfig({ ...server.env, UPLOAD_DIR: path.join(dir, "instance-b") }));
    const key = newStorageKey();
    const bytes = new TextEncoder().encode("%PDF-1.7 uploaded via A");
    await a.put(key, bytes, described(bytes));
    expect(await b.get(key, described(bytes))).toEqual(bytes);
    (a as S3FileStorage).close();
    (b as S3FileStorage).close();
  });

  it("refuses keys that are not its own format", async () => {
    const one = new Uint8Array([1]);
    for (const bad of ["../x", "ab/cd/../../x", "", "a/b/c"]) {
      await expect(storage.put(bad, one, described(one))).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(bad)).rejects.toThrow(/invalid storage key/);
    }
  });
  it("a store that reads an object back short for a moment after acknowledging its PUT: the put waits for it, and fails only if it never reads back whole", async () => {
    // s3rver under load answered a HEAD right after the PUT with 0 bytes; these HEADs lag the same way.
    const lagging = (shortReads: number) => {
      const s = createFileStorage(fileStorageConfig(server.env)) as S3FileStorage;
      const realHead = s.head.bind(s);
      let n = 0;
      s.head = async (key: string) => (n++ < shortReads ? { size: 0, sha256: "" } : realHead(key));
      return s;
    };
    const bytes = new TextEncoder().encode("%PDF-1.7 lagging store");
    const key = newStorageKey();
    const eventually = lagging(2);
    await eventually.put(key, bytes, described(bytes));
    expect(await storage.get(key, described(bytes))).toEqual(bytes);
    eventually.close();

    const never = lagging(100);
    const other = newStorageKey();
    await expect(never.put(other, bytes, described(bytes))).rejects.toBeInstanceOf(StorageIntegrityError);
    expect(await storage.exists(other)).toBe(false);
    never.close();
  });
});
