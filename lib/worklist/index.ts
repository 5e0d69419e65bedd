export { listWorklist, WORKLIST_PAGE_SIZE, type WorklistRow } from "./list-worklist";
export { ZWorklistQuery, type TWorklistQuery } from "./schemas";
