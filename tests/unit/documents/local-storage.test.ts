import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStorageKey, LocalFileStorage, newStorageKey, sha256Hex, StorageIntegrityError, uploadDir } from "@/lib/cases/documents";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "elicense-storage-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listAll(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const described = (bytes: Uint8Array) => ({ size: bytes.length, sha256: sha256Hex(bytes) });

/** A stream that delivers `bytes` in chunks of `size` (as a network or disk would). */
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

describe("storage keys", () => {
  it("are random, sharded two folders deep and never repeat", () => {
    const keys = new Set(Array.from({ length: 200 }, () => newStorageKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) {
      expect(isStorageKey(k)).toBe(true);
      const [a, b, rest] = k.split("/");
      expect(rest!.slice(0, 4)).toBe(`${a}${b}`);
    }
  });

  it("UPLOAD_DIR overrides the default folder", () => {
    expect(uploadDir({}, "/srv/app")).toBe("/srv/app/.data/uploads");
    expect(uploadDir({ UPLOAD_DIR: "/var/lib/uploads" }, "/srv/app")).toBe("/var/lib/uploads");
  });
});

describe("LocalFileStorage", () => {
  it("puts, reads, streams and deletes; leaves no temp files behind", async () => {
    const s = new LocalFileStorage(dir);
    const key = newStorageKey();
    const bytes = new TextEncoder().encode("%PDF-1.7 hello");
    expect(await s.exists(key)).toBe(false);
    expect(await s.get(key)).toBeNull();
    expect(await s.stream(key)).toBeNull();
    await s.put(key, bytes, described(bytes));
    expect(await s.exists(key)).toBe(true);
    expect(await s.get(key, described(bytes))).toEqual(bytes);
    const streamed = new Uint8Array(await new Response(await s.stream(key, described(bytes))).arrayBuffer());
    expect(streamed).toEqual(bytes);
    expect(await listAll(dir)).toEqual([key]);
    await s.delete(key);
    await s.delete(key); // idempotent
    expect(await s.exists(key)).toBe(false);
  });

  it("writes a stream chunk by chunk and checks its SHA-256", async () => {
    const s = new LocalFileStorage(dir);
    const key = newStorageKey();
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    await s.put(key, chunked(bytes, 65_536), described(bytes));
    expect(await s.get(key, described(bytes))).toEqual(bytes);
  });

  it("keeps nothing when the body is not what was announced (size or hash)", async () => {
    const s = new LocalFileStorage(dir);
    const bytes = new TextEncoder().encode("%PDF-1.7 the real one");
    const other = new TextEncoder().encode("%PDF-1.7 the real onE");
    for (const [body, expected] of [
      [chunked(other, 4), described(bytes)],
      [bytes, { size: bytes.length - 1, sha256: sha256Hex(bytes) }],
      [bytes, { size: bytes.length + 1, sha256: sha256Hex(bytes) }],
    ] as const) {
      const key = newStorageKey();
      await expect(s.put(key, body, expected)).rejects.toBeInstanceOf(StorageIntegrityError);
      expect(await s.exists(key)).toBe(false);
    }
    expect((await listAll(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a file changed on disk fails its read before the last byte", async () => {
    const s = new LocalFileStorage(dir);
    const key = newStorageKey();
    const bytes = new Uint8Array(200_000).fill(42);
    await s.put(key, bytes, described(bytes));
    const tampered = bytes.slice();
    tampered[150_000] = 43;
    await writeFile(s.pathOf(key), tampered);
    await expect(s.get(key, described(bytes))).rejects.toBeInstanceOf(StorageIntegrityError);
    // What a download would have delivered: never the whole (changed) file.
    const reader = (await s.stream(key, described(bytes)))!.getReader();
    let received = 0;
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += value.length;
        }
      })(),
    ).rejects.toBeInstanceOf(StorageIntegrityError);
    expect(received).toBeLessThan(bytes.length);
    // Without an expectation (tools that only copy) the bytes are returned as they are.
    expect(await s.get(key)).toEqual(tampered);
  });

  it("overwrites atomically with rename", async () => {
    const s = new LocalFileStorage(dir);
    const key = newStorageKey();
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array([4, 5]);
    await s.put(key, a, described(a));
    await s.put(key, b, described(b));
    expect(await s.get(key)).toEqual(b);
    expect((await listAll(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses keys that are not its own format (no path can leave the root)", async () => {
    const s = new LocalFileStorage(dir);
    const one = new Uint8Array([1]);
    for (const bad of ["../../etc/passwd", "ab/cd/../../x", "/etc/passwd", "Жарғы.pdf", ""]) {
      await expect(s.put(bad, one, described(one))).rejects.toThrow(/invalid storage key/);
      await expect(s.get(bad)).rejects.toThrow(/invalid storage key/);
    }
  });
});
