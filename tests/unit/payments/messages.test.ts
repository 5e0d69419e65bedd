import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, LOCALES } from "@/lib/platform/i18n";
import { GATEWAY_ORDER_STATUSES, PAYMENT_MESSAGE_KEYS, SANDBOX_TEST_CARDS } from "@/lib/cases/payments";

const root = path.resolve(__dirname, "../../..");
const resolve = (msgs: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], msgs);

describe("payments messages", () => {
  const keys = [
    ...PAYMENT_MESSAGE_KEYS,
    ...["PENDING", "PAID", "DECLINED", "EXPIRED"].map((s) => `payments.status.${s}`),
    ...["GATEWAY", "RECEIPT"].map((c) => `payments.channel.${c}`),
    ...Object.values(SANDBOX_TEST_CARDS).map((o) => `payments.sandbox.testCards.${o}`),
    ...GATEWAY_ORDER_STATUSES.filter((s) => s !== "CREATED").flatMap((s) => [`payments.sandbox.result.${s}.title`, `payments.sandbox.result.${s}.lead`]),
  ];

  it.each(LOCALES)("every code and label resolves to a text in %s", (locale) => {
    const msgs = loadMessages(locale, root);
    expect(keys.filter((k) => typeof resolve(msgs, k) !== "string")).toEqual([]);
  });

  it("the no-payment refusal is the regulation's wording", () => {
    expect(resolve(loadMessages("kk", root), "payments.not_paid")).toBe(
      "Е-лицензиялау МДБ АЖ-да төлемнің болмауына байланысты сұратылып отырған мемлекеттік қызметтен бас тарту",
    );
    expect(resolve(loadMessages("ru", root), "payments.not_paid")).toBe(
      'Отказ в запрашиваемой услуге в связи с отсутствием оплаты в ИС ГБД "Е-лицензирование"',
    );
  });
});
