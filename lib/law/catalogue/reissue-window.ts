import { DomainError } from "@/lib/platform/core";
import type { TService } from "./schema";

const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The reissue filing window [004 L2533-2537, L7791-7794]: the application for reissue is filed
 * within 30 calendar days of the change (reorganisation, change of name or address). Returns the
 * last local date the window allows, or null when the service has no window.
 */
export function reissueWindowLastDay(service: TService, changeDate: string): string | null {
  const w = service.reissueApplicationWindow;
  if (!w || w.unit !== "calendarDays") return null;
  return addDays(changeDate, w.value);
}

/**
 * Enforces the window at submission (portal) or registration (office): `today` is the local
 * (Almaty) date of filing. The date of the change may not lie in the future, and the filing day
 * may not be later than the change date + the window.
 */
export function assertReissueWindow(service: TService, variant: string, formData: unknown, today: string): void {
  if (variant.toLowerCase() !== "reissue" || !service.reissueApplicationWindow) return;
  const changeDate = (formData as { changeDate?: unknown } | null)?.changeDate;
  if (typeof changeDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(changeDate)) return; // the form check reports it
  if (changeDate > today) throw new DomainError("catalogue.change_date_in_future", { fieldErrors: { changeDate: "catalogue.change_date_in_future" } });
  const last = reissueWindowLastDay(service, changeDate);
  if (last && today > last) {
    throw new DomainError("catalogue.reissue_window_passed", { changeDate, lastDay: last, fieldErrors: { changeDate: "catalogue.reissue_window_passed" } });
  }
}
