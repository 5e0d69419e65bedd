export type S3TestServer = {
  endpoint: string;
  port: number;
  bucket: string;
  env: {
    FILE_STORAGE: "s3";
    S3_ENDPOINT: string;
    S3_REGION: string;
    S3_BUCKET: string;
    S3_ACCESS_KEY_ID: string;
    S3_SECRET_ACCESS_KEY: string;
    S3_FORCE_PATH_STYLE: string;
  };
  stop(): Promise<void>;
};
export function startS3Server(o: { directory: string; port?: number; bucket?: string; address?: string }): Promise<S3TestServer>;
