import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/platform/i18n";
import { messageKeysOf, NOTIFICATION_KIND_NAMES, renderNotification, renderStoredNotification } from "@/lib/integration/notifications";
import { LATE_EVENING_UTC, LOCALES, messagesOf, sampleParams } from "./fixtures";

describe("renderNotification", () => {
  it("renders every kind (every select branch) in kk, ru and en with its params and no missing key", () => {
    for (const locale of LOCALES) {
      const messages = messagesOf(locale);
      for (const kind of NOTIFICATION_KIND_NAMES) {
        for (const params of sampleParams(kind)) {
          // strict (the default) throws on a missing message or parameter and on malformed ICU.
          const r = renderNotification(kind, params, locale, messages, { applicationId: "app-0001" });
          const where = `${locale} ${kind} ${JSON.stringify(params)}`;
          expect(r.title.trim(), where).not.toBe("");
          expect(r.body.trim(), where).not.toBe("");
          for (const text of [r.title, r.body]) {
            expect(text, where).not.toMatch(/[{}]/);
            expect(text, where).not.toContain(messageKeysOf(kind).base);
          }
          expect(r.url, where).toBe(`/${locale}${r.path}`);
          expect(r.path, where).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it("shows instants in Almaty time (UTC+5): 19:30 UTC on 30 November is 00:30 on 1 December", () => {
    const params = { registrationNumber: "KZ-1", service: "scrap-metal-licence", readyBy: LATE_EVENING_UTC };
    const kk = renderNotification("application_registered", params, "kk", messagesOf("kk"), { applicationId: "a" }).body;
    const ru = renderNotification("application_registered", params, "ru", messagesOf("ru"), { applicationId: "a" }).body;
    const en = renderNotification("application_registered", params, "en", messagesOf("en"), { applicationId: "a" }).body;
    expect(en).toContain("1 Dec 2026, 00:30");
    expect(ru).toContain("1 дек. 2026 г., 00:30");
    expect(kk).toMatch(/2026 ж\. 0?1 жел\.?, 00:30/);
    for (const text of [kk, ru, en]) expect(text).not.toContain("19:30");
    // The same text as the rest of the portal shows for that instant.
    for (const [locale, text] of [["kk", kk], ["ru", ru], ["en", en]] as const) expect(text).toContain(formatDateTime(new Date(LATE_EVENING_UTC), locale));
  });

  it("names the service from the catalogue and the step in the reader's language", () => {
    const en = renderNotification("payment_due", { service: "scrap-metal-licence", amountKzt: 43250 }, "en", messagesOf("en"), { applicationId: "a" });
    expect(en.body).toContain("Ferrous and non-ferrous scrap metal");
    expect(en.body).toContain("43,250");
    const ru = renderNotification("step_due", { application: "KZ-9", step: "review", dueAt: LATE_EVENING_UTC, level: "overdue" }, "ru", messagesOf("ru"), { applicationId: "a" });
    expect(ru.title).toBe("Просрочено: Рассмотрение");
  });

  it("links to the application, or to a page named by an id parameter", () => {
    const a = renderNotification("refused", { registrationNumber: "KZ-1", reason: "x" }, "kk", messagesOf("kk"), { applicationId: "app-42" });
    expect(a.url).toBe("/kk/applicant/applications/app-42");
    const l = renderNotification("licence_expiring", { licenceId: "lic-1", licenceNumber: "N1", service: "scrap-metal-licence", validTo: LATE_EVENING_UTC }, "en", messagesOf("en"));
    expect(l.url).toBe("/en/applicant/licences/lic-1");
    // Without the application the link falls back to the reader's home, never a broken path.
    const h = renderNotification("refused", { registrationNumber: "KZ-1", reason: "x" }, "ru", messagesOf("ru"));
    expect(h.url).toBe("/ru/applicant");
  });

  it("throws in strict mode on a missing parameter, and falls back without throwing otherwise", () => {
    expect(() => renderNotification("resumed", { registrationNumber: "KZ-1" }, "en", messagesOf("en"), { applicationId: "a" })).toThrow(/readyBy/);
    const r = renderNotification("resumed", { registrationNumber: "KZ-1" }, "en", messagesOf("en"), { applicationId: "a", strict: false });
    expect(r.title).toContain("KZ-1");
  });

  it("renders stored rows of an unknown kind through their message key with a generic title", () => {
    const messages = { ...messagesOf("en"), probe: { hello: "Hello {name}" } };
    const r = renderStoredNotification({ kind: "legacy", messageKey: "probe.hello", params: { name: "Aigerim" }, applicationId: null }, "en", messages);
    expect(r).toMatchObject({ title: "Notification", body: "Hello Aigerim", url: "/en/notifications" });
    const broken = renderStoredNotification({ kind: "legacy", messageKey: "no.such.key", params: null, applicationId: null }, "kk", messagesOf("kk"));
    expect(broken.title).toBe("Хабарлама");
  });
});
