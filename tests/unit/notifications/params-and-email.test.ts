import { describe, expect, it } from "vitest";
import { composeNotificationEmail, isPermanentMailError, mailConfigFromEnv, parseParams, renderNotification, ZMarkReadInput } from "@/lib/integration/notifications";
import { messagesOf } from "./fixtures";

describe("parseParams", () => {
  it("normalises instants to ISO strings in UTC and accepts Dates", () => {
    const p = parseParams("resumed", { registrationNumber: "KZ-1", readyBy: new Date("2026-11-30T10:00:00+05:00") });
    expect(p.readyBy).toBe("2026-11-30T05:00:00.000Z");
  });

  it("rejects unknown, missing and malformed parameters", () => {
    expect(() => parseParams("resumed", { registrationNumber: "KZ-1" })).toThrow(/readyBy/);
    expect(() => parseParams("resumed", { registrationNumber: "KZ-1", readyBy: "2026-11-30", extra: 1 })).toThrow(/invalid params/);
    expect(() => parseParams("step_changed", { registrationNumber: "KZ-1", stage: "teleported" })).toThrow(/stage/);
    expect(() => parseParams("payment_due", { service: "scrap-metal-licence", amountKzt: -5 })).toThrow(/amountKzt/);
  });
});

describe("composeNotificationEmail", () => {
  it("uses the title as subject, links absolutely, escapes HTML and names the language", () => {
    const messages = messagesOf("ru");
    const rendered = renderNotification("correction_requested", { registrationNumber: "KZ-1", reason: "<script>x</script> копия устава" }, "ru", messages, { applicationId: "app-1" });
    const mail = composeNotificationEmail(rendered, { to: "a@example.kz", locale: "ru", messages, baseUrl: "https://e-license.example.kz/", date: new Date("2026-11-30T05:00:00Z"), notificationId: "n-1" });
    expect(mail.subject).toBe("Требуются исправления: заявление KZ-1");
    expect(mail.text).toContain("https://e-license.example.kz/ru/applicant/applications/app-1");
    expect(mail.text).toContain("<script>x</script> копия устава");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.language).toBe("ru");
    expect(mail.headers?.["X-Notification-Id"]).toBe("n-1");
  });
});

describe("mail configuration", () => {
  it("uses SMTP only when SMTP_URL is set and keeps the mailbox under .data/mailbox", () => {
    const dev = mailConfigFromEnv({ NODE_ENV: "test", PORT: "3100" } as NodeJS.ProcessEnv, "/srv/app");
    expect(dev).toMatchObject({ smtpUrl: null, mailboxDir: "/srv/app/.data/mailbox", baseUrl: "http://localhost:3100" });
    const prod = mailConfigFromEnv({ NODE_ENV: "production", SMTP_URL: "smtp://u:p@mail:587", MAIL_FROM: "Portal <noreply@gov.kz>", NEXTAUTH_URL: "https://x.kz/" } as NodeJS.ProcessEnv, "/srv/app");
    expect(prod).toMatchObject({ smtpUrl: "smtp://u:p@mail:587", from: "Portal <noreply@gov.kz>", baseUrl: "https://x.kz" });
  });

  it("treats SMTP 5xx as permanent and everything else as worth retrying", () => {
    expect(isPermanentMailError(Object.assign(new Error("x"), { responseCode: 550 }))).toBe(true);
    expect(isPermanentMailError(Object.assign(new Error("x"), { responseCode: 451 }))).toBe(false);
    expect(isPermanentMailError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(false);
  });
});

describe("ZMarkReadInput", () => {
  const id = "0b6c1f7e-3d4a-4c1e-9a51-0f1d2e3c4b5a";
  it("accepts all=1 or one or more ids from a form", () => {
    expect(ZMarkReadInput.parse({ all: "1" })).toEqual({ all: true });
    expect(ZMarkReadInput.parse({ id })).toEqual({ ids: [id] });
    expect(ZMarkReadInput.parse({ id: [id, id] })).toEqual({ ids: [id, id] });
    expect(ZMarkReadInput.safeParse({}).success).toBe(false);
    expect(ZMarkReadInput.safeParse({ id: "not-an-id" }).success).toBe(false);
  });
});
