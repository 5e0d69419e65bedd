export { JOBS, JOB_NAMES, type JobName, type JobPayload } from "./definitions";
export { getBoss, stopBoss, prepareJobSchema, bossOptions, BOSS_SCHEMA } from "./boss";
export { enqueue, type EnqueueOptions } from "./enqueue";
