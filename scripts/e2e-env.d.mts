export function e2eServerEnv(o: { databaseUrl: string; port: number | string }): Record<string, string | undefined>;
