import pino from "pino";

/** Structured JSON logs; LOG_LEVEL overrides (debug, info, warn, error, silent). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "elicense" },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "req.headers.cookie"], remove: true },
  timestamp: pino.stdTimeFunctions.isoTime,
});
