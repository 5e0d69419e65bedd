// Types of scripts/embedded-db.mjs for the TypeScript scripts (benchmarks) that import it.
export class EmbeddedDbError extends Error {}
export const ROOT_STATE_DIR: string;
export function nativeDir(): string;
export function startEmbeddedPostgres(o: {
  dataDir: string;
  port: number;
  database: string;
  log?: (m: string) => void;
  portVar?: string;
  dataVar?: string;
  forceRelocate?: boolean;
}): Promise<{ url: string; stop: () => Promise<void>; dataDir: string | null }>;
export function ensureDatabase(adminUrl: string, database: string): Promise<void>;
export function assertReachable(url: string): Promise<void>;
