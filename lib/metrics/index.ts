export { deadlineOverview, type DeadlineOverview } from "./deadline-overview";
