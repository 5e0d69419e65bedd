// Runs once when the server starts (Node.js runtime only): publishes the /api/v1 fast path for
// scripts/serve.mjs (app/api/v1/_lib/fast-path.ts) and starts the timed-job workers. JOBS=0
// disables the workers, e.g. for a second web process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { publishApiFastPath } = await import("./app/api/v1/_lib/routes");
  publishApiFastPath();
  if (process.env.JOBS !== "0" && process.env.DATABASE_URL) {
    const [{ startWorkers }, { jobHandlers }] = await Promise.all([import("./lib/platform/jobs"), import("./app/_server/job-handlers")]);
    await startWorkers(jobHandlers());
  }
}
