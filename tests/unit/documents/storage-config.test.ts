import { describe, expect, it } from "vitest";
import { fileStorageConfig } from "@/lib/cases/documents";

const S3 = { FILE_STORAGE: "s3", S3_BUCKET: "elicense-files" };

describe("FILE_STORAGE", () => {
  it("is local disk by default, under UPLOAD_DIR", () => {
    expect(fileStorageConfig({}, "/srv/app")).toEqual({ kind: "local", dir: "/srv/app/.data/uploads" });
    expect(fileStorageConfig({ FILE_STORAGE: "local", UPLOAD_DIR: "/data/up" }, "/srv/app")).toEqual({ kind: "local", dir: "/data/up" });
  });

  it("s3 reads every S3_* variable", () => {
    expect(
      fileStorageConfig({
        FILE_STORAGE: "S3",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_REGION: "kz-almaty-1",
        S3_BUCKET: "elicense-files",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "true",
      }),
    ).toEqual({ kind: "s3", endpoint: "http://127.0.0.1:9000", region: "kz-almaty-1", bucket: "elicense-files", accessKeyId: "id", secretAccessKey: "secret", forcePathStyle: true });
  });

  it("s3 defaults: AWS endpoint, us-east-1, virtual-hosted style, the SDK's credential chain", () => {
    expect(fileStorageConfig({ ...S3, S3_ENDPOINT: " ", S3_FORCE_PATH_STYLE: "0" })).toEqual({
      kind: "s3",
      endpoint: undefined,
      region: "us-east-1",
      bucket: "elicense-files",
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: false,
    });
  });

  it("a wrong value stops with the variable named", () => {
    expect(() => fileStorageConfig({ FILE_STORAGE: "ftp" })).toThrow(/FILE_STORAGE must be "local" or "s3"/);
    expect(() => fileStorageConfig({ FILE_STORAGE: "s3" })).toThrow(/S3_BUCKET/);
    expect(() => fileStorageConfig({ ...S3, S3_BUCKET: "Bad_Bucket" })).toThrow(/S3_BUCKET/);
    expect(() => fileStorageConfig({ ...S3, S3_ENDPOINT: "ftp://x" })).toThrow(/S3_ENDPOINT/);
    expect(() => fileStorageConfig({ ...S3, S3_ACCESS_KEY_ID: "only-the-id" })).toThrow(/S3_SECRET_ACCESS_KEY: set both or neither/);
    expect(() => fileStorageConfig({ ...S3, S3_FORCE_PATH_STYLE: "maybe" })).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});
