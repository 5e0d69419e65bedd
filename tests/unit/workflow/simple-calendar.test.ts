import { describe, expect, it } from "vitest";
import { simpleComputeDue } from "./support/simple-calendar";

// Hand-computed: 2025-03-03 is a Monday, 2025-03-07 a Friday.
const due = (value: number, unit: "minutes" | "hours" | "workingDays" | "calendarDays", start: string) =>
  simpleComputeDue({ value, unit }, new Date(start)).toISOString();

describe("test calendar (Mon–Fri 09:00–18:00 UTC, no holidays)", () => {
  it.each([
    [15, "minutes", "2025-03-03T10:00:00.000Z", "2025-03-03T10:15:00.000Z"],
    [15, "minutes", "2025-03-07T17:50:00.000Z", "2025-03-10T09:05:00.000Z"],
    [15, "minutes", "2025-03-08T12:00:00.000Z", "2025-03-10T09:15:00.000Z"],
    [3, "hours", "2025-03-03T16:10:00.000Z", "2025-03-04T10:10:00.000Z"],
    [3, "hours", "2025-03-06T15:00:00.000Z", "2025-03-06T18:00:00.000Z"],
    [3, "hours", "2025-03-03T07:00:00.000Z", "2025-03-03T12:00:00.000Z"],
    [1, "workingDays", "2025-03-03T10:10:00.000Z", "2025-03-04T18:00:00.000Z"],
    [2, "workingDays", "2025-03-07T17:50:00.000Z", "2025-03-11T18:00:00.000Z"],
    [15, "workingDays", "2025-03-03T10:00:00.000Z", "2025-03-24T18:00:00.000Z"],
    [5, "workingDays", "2025-03-08T10:00:00.000Z", "2025-03-14T18:00:00.000Z"],
    [30, "calendarDays", "2025-03-03T10:00:00.000Z", "2025-04-02T23:59:59.999Z"],
    [5, "calendarDays", "2025-03-03T10:00:00.000Z", "2025-03-10T18:00:00.000Z"],
  ] as const)("%s %s from %s → %s", (v, u, start, expected) => {
    expect(due(v, u, start)).toBe(expected);
  });
});
