export { loadOrganisationCalendar, calendarFromStamp, serviceWorkingHours, CALENDAR_YEARS_DIGEST_SQL, type CalendarStamp } from "./organisation-calendar";
