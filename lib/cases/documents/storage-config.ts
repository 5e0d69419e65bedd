import { z } from "zod";
import { LocalFileStorage, uploadDir } from "./local-storage";
import { S3FileStorage, type TS3StorageConfig } from "./s3-storage";
import type { FileStorage } from "./storage";

export type TFileStorageConfig = { kind: "local"; dir: string } | ({ kind: "s3" } & TS3StorageConfig);

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");
const blankAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

const ZS3Env = z
  .object({
    S3_ENDPOINT: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).optional()),
    S3_REGION: z.preprocess(blankAsUnset, z.string().min(1).default("us-east-1")),
    S3_BUCKET: z.preprocess(blankAsUnset, z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)")),
    S3_ACCESS_KEY_ID: z.preprocess(blankAsUnset, z.string().optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(blankAsUnset, z.string().optional()),
    S3_FORCE_PATH_STYLE: z.preprocess((v) => (typeof blankAsUnset(v) === "string" ? (blankAsUnset(v) as string).toLowerCase() : undefined), flag),
  })
  .refine((e) => !e.S3_ACCESS_KEY_ID === !e.S3_SECRET_ACCESS_KEY, { message: "set both or neither", path: ["S3_SECRET_ACCESS_KEY"] });

/**
 * `FILE_STORAGE` = `local` (default: `UPLOAD_DIR`) or `s3` (`S3_ENDPOINT`, `S3_REGION`, `S3_BUCKET`,
 * `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY`, `S3_FORCE_PATH_STYLE`). A wrong value is a
 * configuration error that names the variable.
 */
export function fileStorageConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): TFileStorageConfig {
  const kind = env.FILE_STORAGE?.trim().toLowerCase() || "local";
  if (kind === "local") return { kind, dir: uploadDir(env, cwd) };
  if (kind !== "s3") throw new Error(`FILE_STORAGE must be "local" or "s3", got ${JSON.stringify(env.FILE_STORAGE)}`);
  const parsed = ZS3Env.safeParse(env);
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`FILE_STORAGE=s3 is misconfigured: ${what}`);
  }
  const e = parsed.data;
  return {
    kind,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}

export function createFileStorage(config: TFileStorageConfig): FileStorage {
  return config.kind === "local" ? new LocalFileStorage(config.dir) : new S3FileStorage(config);
}

let defaultStorage: FileStorage | undefined;

/** The process-wide storage chosen by the environment (see `fileStorageConfig`). */
export function getFileStorage(): FileStorage {
  defaultStorage ??= createFileStorage(fileStorageConfig());
  return defaultStorage;
}
