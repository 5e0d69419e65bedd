// An S3 wire-protocol server for tests and `npm run cluster`: s3rver (files under `directory`),
// with the bucket created. Real HTTP, real SigV4 checks — the portal talks to it exactly as to
// AWS S3 or MinIO. Not for production: use a real object store there (docs/deployment.md).
import { mkdirSync } from "node:fs";
import S3rver from "s3rver";

/** s3rver accepts only this key pair (and checks the request signatures made with it). */
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";

export async function startS3Server({ directory, port = 0, bucket = "elicense-files", address = "127.0.0.1" }) {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address, port, directory, silent: true, configureBuckets: [{ name: bucket }] });
  let info;
  try {
    info = await server.run();
  } catch (e) {
    if (e?.code === "EADDRINUSE") throw new Error(`The S3 test server cannot listen on ${address}:${port}: the port is in use (choose another with CLUSTER_S3_PORT).`);
    throw e;
  }
  const endpoint = `http://${address}:${info.port}`;
  return {
    endpoint,
    port: info.port,
    bucket,
    /** The portal's variables for this store. */
    env: {
      FILE_STORAGE: "s3",
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: "1",
    },
    stop: async () => {
      // Keep-alive sockets of S3 clients would hold close() open.
      server.httpServer?.closeAllConnections?.();
      await server.close().catch(() => {});
    },
  };
}
