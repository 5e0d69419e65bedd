export { sweepDeadlines, DUE_SOON_WORKING_MINUTES, NOTHING_TO_DO, type SweepResult } from "./sweep-deadlines";
