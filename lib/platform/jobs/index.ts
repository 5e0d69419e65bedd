export { JOBS, JOB_NAMES, JOB_TIME_ZONE, type JobName, type JobPayload } from "./definitions";
export { startWorkers, type JobHandlers } from "./worker";
export { getBoss, stopBoss, prepareJobSchema, bossOptions, BOSS_SCHEMA } from "./boss";
export { enqueue, enqueueMany, type EnqueueOptions, type EnqueueItem } from "./enqueue";
