export { loadOrganisationCalendar, serviceWorkingHours } from "./organisation-calendar";
