import { describe, expect, it } from "vitest";
import { recipientOfSubjectKind } from "@/lib/law/catalogue";

describe("recipientOfSubjectKind", () => {
  it("maps the database's subject kinds onto the catalogue's recipient categories", () => {
    expect(recipientOfSubjectKind("LEGAL_ENTITY")).toBe("legal_entity");
    expect(recipientOfSubjectKind("INDIVIDUAL_ENTREPRENEUR")).toBe("individual_entrepreneur");
    expect(recipientOfSubjectKind("INDIVIDUAL")).toBe("individual");
  });

  it("refuses a kind the catalogue does not know", () => {
    expect(() => recipientOfSubjectKind("GOVERNMENT")).toThrow(/unknown subject kind/);
  });
});
