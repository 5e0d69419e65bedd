import { describe, expect, it } from "vitest";
import { getRegulation } from "@/lib/law/regulations";
import { def, draft, clerk, run, submitted } from "./support/fixtures";

describe("West Kazakhstan 002: portal requests registered by the information system [002 L178-179]", () => {
  it("a portal request skips the clerk's register step: registered by the system, the head's assignment starts", () => {
    const d = def("west-kazakhstan-2013-scrap", 1, "issue");
    expect(getRegulation("west-kazakhstan-2013-scrap", 1).portalAutoRegistration).toEqual({ sourceLines: ["002 L178-179"] });
    const s = submitted(d, "2025-03-03T10:00:00Z");
    expect(s.status).toBe("IN_PROGRESS");
    expect(s.registeredAt?.toISOString()).toBe("2025-03-03T10:00:00.000Z");
    expect(s.stepKey).toBe("assign_executor");
    expect(s.stepRole).toBe("HEAD");
    expect(() => run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z")).toThrow();
  });

  it("a walk-in (provider channel) is still registered by the office clerk", () => {
    const d = def("west-kazakhstan-2013-scrap", 1, "issue");
    const s = submitted(d, "2025-03-03T10:00:00Z", draft("PROVIDER"));
    expect(s.status).toBe("SUBMITTED");
    expect(s.stepKey).toBe("register");
    expect(run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next.stepKey).toBe("assign_executor");
  });

  it("other regulations keep the clerk's register step for portal requests", () => {
    const s = submitted(def("aktobe-2014-scrap", 1, "issue"), "2025-03-03T10:00:00Z");
    expect(s.stepKey).toBe("register");
  });
});
