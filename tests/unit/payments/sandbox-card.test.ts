import { describe, expect, it } from "vitest";
import { isCardExpired, isLuhnValid, maskName, SANDBOX_TEST_CARDS, sandboxOutcomeFor, ZSandboxCardInput } from "@/lib/cases/payments";

const orderId = "6f0c8a52-3a0e-4a7e-9a55-5d1f1f0b2c11";

describe("sandbox test cards", () => {
  it("are valid card numbers with the documented outcomes", () => {
    expect(Object.keys(SANDBOX_TEST_CARDS).every(isLuhnValid)).toBe(true);
    expect(sandboxOutcomeFor("4405645000006150")).toBe("PAID");
    expect(sandboxOutcomeFor("4000000000000002")).toBe("DECLINED");
    expect(sandboxOutcomeFor("4000000000000119")).toBe("TIMEOUT");
    expect(sandboxOutcomeFor("4111111111111111")).toBeNull();
    expect(isLuhnValid("4405645000006151")).toBe(false);
    expect(isLuhnValid("44056450000O6150")).toBe(false);
  });

  it("the card form accepts spaced numbers and reports each bad field with a payments.* code", () => {
    const ok = ZSandboxCardInput.parse({ orderId, cardNumber: "4405 6450 0000 6150", expiry: "07/28", cvc: "123", holder: "Aigerim Nursultanova" });
    expect(ok).toMatchObject({ cardNumber: "4405645000006150", expiry: { month: 7, year: 2028 } });
    const bad = ZSandboxCardInput.safeParse({ orderId, cardNumber: "4405 6450 0000 6151", expiry: "13/28", cvc: "12", holder: "Әйгерім" });
    expect(bad.success).toBe(false);
    const byField = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toEqual({
      cardNumber: "payments.sandbox.card_luhn",
      expiry: "payments.sandbox.expiry_format",
      cvc: "payments.sandbox.cvc_format",
      holder: "payments.sandbox.holder_format",
    });
    expect(ZSandboxCardInput.safeParse({ orderId, cardNumber: "1234", expiry: "01/30", cvc: "123", holder: "A B" }).error?.issues[0]?.message).toBe(
      "payments.sandbox.card_format",
    );
  });

  it("a card is valid through the last day of its expiry month", () => {
    expect(isCardExpired({ month: 3, year: 2026 }, new Date("2026-03-31T23:59:59Z"))).toBe(false);
    expect(isCardExpired({ month: 3, year: 2026 }, new Date("2026-04-01T00:00:00Z"))).toBe(true);
    expect(isCardExpired({ month: 12, year: 2026 }, new Date("2026-12-15T00:00:00Z"))).toBe(false);
  });
});

describe("maskName", () => {
  it("keeps the first character of each word and hides the rest", () => {
    expect(maskName("«Ақтөбе Металл Ресурс» ЖШС")).toBe("«А*** М*** Р***» Ж***");
    expect(maskName("ЖК «Нұрсұлтанова Ә.»")).toBe("Ж*** «Н*** Ә***.»");
    expect(maskName("ТОО 050340000009")).toBe("Т*** 0***");
  });
});
