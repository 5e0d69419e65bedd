export { listWorklist, countWorklistQueues, encodeCursor, WORKLIST_PAGE_SIZE, type WorklistRow } from "./list-worklist";
export { ZWorklistQuery, ZReassignInput, WORKLIST_QUEUES, WORKLIST_STATUSES, type TWorklistQuery, type TWorklistQueue, type TReassignInput } from "./schemas";
export { QUEUES_OF_ROLE, QUEUE_OF_STEP, stepKeysOfQueue } from "./queues";
export { countdown, workingDayMinutes, type TCountdown } from "./countdown";
export { almatyDayStart } from "@/lib/platform/i18n";
export { listAssigneeCandidates, fullName, type AssigneeCandidate } from "./list-assignee-candidates";
export { listAssignedApplications, REASSIGN_LIST_LIMIT, type AssignedApplicationRow } from "./list-assigned-applications";
export { reassignApplications, type ReassignResult } from "./reassign-applications";
export { listOrganisationServiceCodes } from "./list-organisation-services";
