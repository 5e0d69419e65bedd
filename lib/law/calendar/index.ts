export { createCalendar, type Calendar } from "./create-calendar";
export { addWorkingTime } from "./add-working-time";
export {
  workingTimeBetween,
  wholeWorkingMinutes,
  isWorkingTime,
  nextWorkingInstant,
  isWorkingDay,
  localDate,
  closingTime,
} from "./working-time-queries";
export {
  ZCalendarConfig,
  ZWorkingHours,
  ZTerm,
  ZTermUnit,
  ZClockTime,
  ZIsoDate,
  DEFAULT_WORKING_HOURS,
  CalendarConfigError,
  parseCalendarConfig,
  type TCalendarConfig,
  type TCalendarConfigInput,
  type TWorkingHours,
  type TTerm,
  type TTermUnit,
} from "./config-schema";
export { CalendarRangeError } from "./table-lookups";
export { ZHolidayData, parseHolidayData, KZ_HOLIDAYS_FILE, type THolidayData } from "./holiday-data-schema";
export {
  buildNationalCalendarConfig,
  createNationalCalendar,
  expandNationalDays,
  kzHolidayData,
  type NationalCalendarOptions,
  type NationalDays,
} from "./build-national-calendar-config";
