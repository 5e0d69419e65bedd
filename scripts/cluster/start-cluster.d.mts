export type ClusterInstance = {
  name: string;
  port: number;
  url: string;
  pid: number | undefined;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  output(): string;
  kill(signal?: NodeJS.Signals): boolean;
};

export type Cluster = {
  /** The load balancer. */
  url: string;
  publicUrl: string;
  lb: "haproxy" | "nginx";
  s3: import("./s3-server.mjs").S3TestServer;
  env: Record<string, string>;
  instances(): ClusterInstance[];
  instance(name: string): ClusterInstance;
  kill(name: string, signal?: NodeJS.Signals): boolean;
  restart(name: string): Promise<ClusterInstance>;
  /** HAProxy's view of each instance ("UP", "DOWN", …); null with nginx. */
  serverStates(): Promise<Record<string, string> | null>;
  stop(): Promise<void>;
};

export function startCluster(o: {
  root: string;
  databaseUrl: string;
  port: number;
  instances?: number;
  instancePort?: number;
  instancePorts?: number[];
  s3Port?: number;
  dataDir: string;
  publicUrl?: string;
  env?: Record<string, string>;
  s3?: import("./s3-server.mjs").S3TestServer;
  output?: "keep" | "inherit";
  log?: (message: string) => void;
}): Promise<Cluster>;
