export { listOrganisationsWithStaff } from "./list-organisations";
