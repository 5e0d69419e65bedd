import { createNationalCalendar } from "@/lib/law/calendar";

/** National calendar 2013–2028, ministry hours 09:00–18:30 with lunch 13:00–14:30 (8 working hours a day). */
export const kz = createNationalCalendar({
  workingHours: { start: "09:00", end: "18:30", breaks: [["13:00", "14:30"]] },
});

/** Instants are always written with an explicit offset, so tests never depend on the process TZ. */
export const at = (iso: string): Date => {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) throw new Error(`test instant without offset: ${iso}`);
  return new Date(iso);
};

export const iso = (d: Date): string => d.toISOString();
