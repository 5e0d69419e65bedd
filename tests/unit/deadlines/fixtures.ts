import { createNationalCalendar } from "@/lib/law/calendar";

export const kz = createNationalCalendar({
  workingHours: { start: "09:00", end: "18:30", breaks: [["13:00", "14:30"]] },
});

export const at = (iso: string): Date => {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) throw new Error(`test instant without offset: ${iso}`);
  return new Date(iso);
};
