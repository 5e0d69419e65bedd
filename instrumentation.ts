// Starts the timed-job workers with the server (Node.js runtime only). JOBS=0 disables them,
// e.g. for a second web process.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.JOBS !== "0" && process.env.DATABASE_URL) {
    const [{ startWorkers }, { jobHandlers }] = await Promise.all([import("./lib/platform/jobs"), import("./app/_server/job-handlers")]);
    await startWorkers(jobHandlers());
  }
}
