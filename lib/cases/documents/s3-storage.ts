import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { readAll, sha256Hex, StorageIntegrityError, verifyingTransform, type TStoredObject } from "./integrity";

/** HEADs after a PUT whose object did not read back whole yet (see `put`). */
const HEAD_RETRIES = 4;
import { assertStorageKey, type FileStorage } from "./storage";

export type TS3StorageConfig = {
  /** e.g. `http://127.0.0.1:9000` for MinIO; unset → the AWS endpoint of the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Both or neither; neither → the SDK's default credential chain (e.g. an instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (MinIO, most self-hosted stores). */
  forcePathStyle: boolean;
};

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph RGW, …). The object key is the storage key.
 * PUT of one object is atomic in S3, so no temp object is needed.
 */
export class S3FileStorage implements FileStorage {
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(config: TS3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      // We verify SHA-256 ourselves and send it as x-amz-checksum-sha256. The SDK's default CRC32
      // trailer wraps streamed bodies in aws-chunked framing, which several S3-compatible servers
      // store verbatim (seen with s3rver: 55 bytes longer, wrong hash).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: Uint8Array | ReadableStream<Uint8Array>, expected: TStoredObject): Promise<void> {
    assertStorageKey(key);
    const params = {
      Bucket: this.bucket,
      Key: key,
      ContentLength: expected.size,
      ContentType: "application/octet-stream",
      // Stores that check checksums (AWS, MinIO) refuse a body that arrived different.
      ChecksumSHA256: Buffer.from(expected.sha256, "hex").toString("base64"),
      Metadata: { sha256: expected.sha256 },
    };
    if (body instanceof Uint8Array) {
      // Bytes in memory (an upload, at most UPLOAD_MAX_BYTES): checked here, and sent as a
      // buffer so that the SDK can retry on a reset connection.
      const actual = { size: body.byteLength, sha256: sha256Hex(body) };
      if (actual.size !== expected.size || actual.sha256 !== expected.sha256) throw new StorageIntegrityError(key, expected, actual);
      await this.client.send(new PutObjectCommand({ ...params, Body: body }));
    } else {
      // A stream (storage:migrate): the last chunk is only sent once size and hash matched, so a
      // wrong body never completes the PUT. Not replayable: a reset connection fails the put.
      const checked = Readable.fromWeb(body.pipeThrough(verifyingTransform(key, expected)) as NodeWebReadableStream<Uint8Array>);
      // The SDK does not end the request when its body stream fails: abort it ourselves.
      const abort = new AbortController();
      let bodyError: unknown = null;
      checked.once("error", (e) => {
        bodyError = e;
        abort.abort(e);
      });
      try {
        await this.client.send(new PutObjectCommand({ ...params, Body: checked }), { abortSignal: abort.signal });
      } catch (e) {
        throw bodyError ?? e;
      }
    }
    // Stores that ignore the checksum header: at least the stored length must be what we sent.
    // Some acknowledge the PUT a moment before the object reads back whole (s3rver under load
    // answered HEAD with 0 bytes): asked again a few times before the put counts as failed.
    let head = await this.head(key);
    for (let i = 0; i < HEAD_RETRIES && (!head || head.size !== expected.size); i++) {
      await new Promise((r) => setTimeout(r, 50 * (i + 1)));
      head = await this.head(key);
    }
    if (!head || head.size !== expected.size) {
      await this.delete(key).catch(() => undefined);
      throw new StorageIntegrityError(key, expected, { size: head?.size ?? 0 });
    }
  }

  async stream(key: string, expected?: TStoredObject): Promise<ReadableStream<Uint8Array> | null> {
    assertStorageKey(key);
    let res;
    try {
      res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
    if (!res.Body) return null;
    const raw = res.Body.transformToWebStream() as ReadableStream<Uint8Array>;
    if (!expected) return raw;
    if (res.ContentLength !== undefined && res.ContentLength !== expected.size) {
      await raw.cancel().catch(() => undefined);
      throw new StorageIntegrityError(key, expected, { size: res.ContentLength });
    }
    return raw.pipeThrough(verifyingTransform(key, expected));
  }

  async get(key: string, expected?: TStoredObject): Promise<Uint8Array | null> {
    const s = await this.stream(key, expected);
    return s ? readAll(s) : null;
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  /** Size and the SHA-256 we stored as metadata, or null when there is no such object. */
  async head(key: string): Promise<{ size: number; sha256: string | null } | null> {
    assertStorageKey(key);
    try {
      const h = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: h.ContentLength ?? 0, sha256: h.Metadata?.sha256 ?? null };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  /** Closes the client's sockets (tools and tests). */
  close(): void {
    this.client.destroy();
  }
}

function isMissing(e: unknown): boolean {
  return e instanceof S3ServiceException && (e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404);
}
