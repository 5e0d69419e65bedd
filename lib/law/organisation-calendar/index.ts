export { loadOrganisationCalendar } from "./organisation-calendar";
