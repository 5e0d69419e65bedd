import type { TExpectedState } from "@/lib/cases/officer-actions";

/** What every action form gets from the page: the application and the state it was rendered with. */
export type ActionTarget = { applicationId: string; expected: TExpectedState };
