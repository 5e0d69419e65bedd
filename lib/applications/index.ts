export { listMyApplications, type MyApplicationRow } from "./list-my-applications";
export { getApplication } from "./get-application";
