import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStorageKey, LocalFileStorage, newStorageKey, uploadDir } from "@/lib/cases/documents";

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
    await s.put(key, bytes);
    expect(await s.exists(key)).toBe(true);
    expect(await s.get(key)).toEqual(bytes);
    const streamed = new Uint8Array(await new Response(await s.stream(key)).arrayBuffer());
    expect(streamed).toEqual(bytes);
    expect(await listAll(dir)).toEqual([key]);
    await s.delete(key);
    await s.delete(key); // idempotent
    expect(await s.exists(key)).toBe(false);
  });

  it("overwrites atomically with rename", async () => {
    const s = new LocalFileStorage(dir);
    const key = newStorageKey();
    await s.put(key, new Uint8Array([1, 2, 3]));
    await s.put(key, new Uint8Array([4, 5]));
    expect(await s.get(key)).toEqual(new Uint8Array([4, 5]));
    expect((await listAll(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses keys that are not its own format (no path can leave the root)", async () => {
    const s = new LocalFileStorage(dir);
    for (const bad of ["../../etc/passwd", "ab/cd/../../x", "/etc/passwd", "Жарғы.pdf", ""]) {
      await expect(s.put(bad, new Uint8Array([1]))).rejects.toThrow(/invalid storage key/);
      await expect(s.get(bad)).rejects.toThrow(/invalid storage key/);
    }
  });
});
