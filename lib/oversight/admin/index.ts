// Administration use cases (framework-free). Every mutation: zod input, assertCan(actor, "admin.…"),
// one transaction with its audit row.
export { listOrganisationsWithStaff, listOrganisationOptions } from "./list-organisations";
export { getOrganisationForAdmin } from "./get-organisation";
export { updateOrganisation } from "./update-organisation";
export { setOrganisationActive } from "./set-organisation-active";
export { ZUpdateOrganisationInput, ZSetOrganisationActiveInput, type TUpdateOrganisationInput, type TSetOrganisationActiveInput } from "./organisation-schemas";
export { ZHoursInput, hoursText, readHours, type THoursInput, type THours } from "./hours";

export { listOfficers, OFFICERS_PAGE_SIZE } from "./list-officers";
export { getOfficer } from "./get-officer";
export { createOfficer } from "./create-officer";
export { updateOfficer } from "./update-officer";
export { setOfficerActive } from "./set-officer-active";
export { resetOfficerPassword } from "./reset-officer-password";
export {
  OFFICER_ROLES,
  SIGNING_ROLES,
  SUPERVISOR_SCOPES,
  MIN_PASSWORD_LENGTH,
  ZCreateOfficerInput,
  ZUpdateOfficerInput,
  ZSetOfficerActiveInput,
  ZResetOfficerPasswordInput,
  ZOfficerListQuery,
  type TOfficerRole,
  type TCreateOfficerInput,
  type TUpdateOfficerInput,
  type TSetOfficerActiveInput,
  type TResetOfficerPasswordInput,
  type TOfficerListQuery,
} from "./officer-schemas";

export { listCalendarYears } from "./list-calendar-years";
export { getCalendarYear } from "./get-calendar-year";
export { updateCalendarYear } from "./update-calendar-year";
export { regenerateCalendarYear } from "./regenerate-calendar-year";
export { addCalendarYear } from "./add-calendar-year";
export { nationalCoverage } from "./write-calendar-year";
export { ZUpdateCalendarYearInput, ZCalendarYearRef, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR, type TUpdateCalendarYearInput, type TCalendarYearRef } from "./calendar-schemas";
export { calendarYearErrors, calendarYearWarnings, isoWeekdayOf, normaliseDates, CALENDAR_LISTS, type TCalendarList, type TCalendarDays, type TCalendarWarning } from "./calendar-checks";

export { listRegulationVersions } from "./list-regulation-versions";
export { getRegulationVersion } from "./get-regulation-version";
export type { TValidity } from "./regulation-rows";
export {
  activateRegulationFile,
  readRegulationJson,
  regulationSha256,
  MAX_REGULATION_FILE_BYTES,
  ZActivateRegulationFileInput,
  type TActivateRegulationFileInput,
  type TActivationResult,
} from "./activate-regulation-file";
export type { AdminCtx } from "./admin-context";
