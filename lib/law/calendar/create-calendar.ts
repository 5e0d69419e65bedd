import { buildTables, type CalendarTables } from "./build-tables";
import { parseCalendarConfig, type TCalendarConfig, type TCalendarConfigInput } from "./config-schema";

/** A validated working-time calendar. Its lookup tables are built on first use and cached inside it. */
export interface Calendar {
  readonly config: Readonly<TCalendarConfig>;
}

class CalendarImpl implements Calendar {
  readonly config: Readonly<TCalendarConfig>;
  #tables: CalendarTables | undefined;

  constructor(config: TCalendarConfig) {
    this.config = deepFreeze(structuredClone(config));
  }

  tables(): CalendarTables {
    return (this.#tables ??= buildTables(this.config));
  }
}

/** Validates the config (throws CalendarConfigError naming the field) and returns a calendar. */
export function createCalendar(config: TCalendarConfigInput = {}): Calendar {
  return new CalendarImpl(parseCalendarConfig(config));
}

export function tablesOf(calendar: Calendar): CalendarTables {
  if (!(calendar instanceof CalendarImpl)) throw new TypeError("calendar: use createCalendar() to make a calendar");
  return calendar.tables();
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
