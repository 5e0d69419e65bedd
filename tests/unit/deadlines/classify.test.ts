import { describe, expect, it } from "vitest";
import { classify, remaining } from "@/lib/law/deadlines";
import { at, kz } from "./fixtures";

const due = at("2026-03-10T10:00:00+05:00"); // Tuesday, after the weekend and the 9 March day off
const soon = { dueSoonWorkingMinutes: 120 };

describe("classify", () => {
  it("on time while more than the threshold of working time is left", () => {
    expect(classify(kz, due, at("2026-03-06T15:00:00+05:00"), soon)).toBe("on_time");
  });

  it("due soon counts working minutes, not calendar time (Friday 17:00 → Tuesday 10:00 is 150 working minutes)", () => {
    expect(classify(kz, due, at("2026-03-06T17:00:00+05:00"), soon)).toBe("on_time");
    expect(classify(kz, due, at("2026-03-06T17:30:00+05:00"), soon)).toBe("due_soon");
    expect(classify(kz, due, at("2026-03-08T12:00:00+05:00"), soon)).toBe("due_soon");
  });

  it("the due instant itself is still in time; one millisecond later is overdue", () => {
    expect(classify(kz, due, due, soon)).toBe("due_soon");
    expect(classify(kz, due, at("2026-03-10T10:00:00.001+05:00"), soon)).toBe("overdue");
  });

  it("overdue even when only non-working time has passed", () => {
    const friday = at("2026-03-06T18:30:00+05:00");
    expect(classify(kz, friday, at("2026-03-07T12:00:00+05:00"), soon)).toBe("overdue");
  });
});

describe("remaining", () => {
  it("gives working minutes and calendar milliseconds", () => {
    expect(remaining(kz, due, at("2026-03-06T17:00:00+05:00"))).toEqual({
      workingMinutes: 150,
      calendarMs: (3 * 24 + 17) * 3_600_000,
    });
  });

  it("is negative when overdue", () => {
    expect(remaining(kz, due, at("2026-03-10T12:00:00+05:00"))).toEqual({
      workingMinutes: -120,
      calendarMs: -2 * 3_600_000,
    });
  });
});
