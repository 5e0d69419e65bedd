import { describe, expect, it } from "vitest";
import { flattenKeys } from "@/lib/platform/i18n";
import { STEP_KEYS } from "@/lib/law/regulations";
import { EMAIL_KINDS, messageKeysOf, NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS, type ParamSpec } from "@/lib/integration/notifications";
import { LOCALES, messagesOf } from "./fixtures";

const get = (tree: unknown, key: string) => key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], tree);

describe("notification kinds as data", () => {
  it("cover what the portal must push", () => {
    expect(NOTIFICATION_KIND_NAMES).toEqual(
      expect.arrayContaining([
        "application_registered",
        "step_changed",
        "correction_requested",
        "suspended",
        "resumed",
        "licence_issued",
        "refused",
        "deemed_issued",
        "payment_due",
        "payment_received",
        "step_due",
        "licence_expiring",
        "complaint_registered",
        "complaint_answered",
      ]),
    );
  });

  it("are always in-app; applicant-facing ones also by e-mail, staff ones not", () => {
    for (const kind of NOTIFICATION_KIND_NAMES) {
      const def = NOTIFICATION_KINDS[kind];
      expect(def.channels, kind).toContain("in_app");
      expect(def.channels.includes("email" as never), kind).toBe(def.audience === "applicant");
    }
    expect(EMAIL_KINDS).toContain("application_registered");
    expect(EMAIL_KINDS).not.toContain("step_due");
  });

  it("have link targets whose placeholders are the application or an id parameter", () => {
    for (const kind of NOTIFICATION_KIND_NAMES) {
      const def = NOTIFICATION_KINDS[kind];
      expect(def.link.startsWith("/"), kind).toBe(true);
      for (const [, name] of def.link.matchAll(/\{(\w+)\}/g)) {
        if (name === "applicationId") continue;
        expect((def.params as Record<string, ParamSpec>)[name!], `${kind}: {${name}}`).toBe("id");
      }
    }
  });

  it("have a title and a body in kk, ru and en that use every shown parameter and no other", () => {
    for (const locale of LOCALES) {
      const messages = messagesOf(locale);
      for (const kind of NOTIFICATION_KIND_NAMES) {
        const keys = messageKeysOf(kind);
        const title = get(messages, keys.title);
        const body = get(messages, keys.body);
        expect(typeof title, `${locale} ${keys.title}`).toBe("string");
        expect(typeof body, `${locale} ${keys.body}`).toBe("string");
        const text = `${title as string} ${body as string}`;
        const specs = NOTIFICATION_KINDS[kind].params as Record<string, ParamSpec>;
        for (const [name, spec] of Object.entries(specs)) {
          if (spec === "id") continue;
          expect(text, `${locale} ${kind} uses {${name}}`).toMatch(new RegExp(`\\{${name}[,}]`));
        }
        // Every argument referenced in the texts is a declared parameter.
        for (const [, arg] of text.matchAll(/\{(\w+)(?:,[^{}]*)?[,}]/g)) {
          expect(Object.keys(specs), `${locale} ${kind} references {${arg}}`).toContain(arg);
        }
      }
    }
  });

  it("name every regulation step in kk, ru and en", () => {
    for (const locale of LOCALES) {
      const steps = get(messagesOf(locale), "notifications.steps") as Record<string, string>;
      for (const key of STEP_KEYS) expect(steps[key]?.trim(), `${locale} steps.${key}`).toBeTruthy();
    }
  });

  it("keep the same keys in the three notifications catalogues", () => {
    const [kk, ru, en] = LOCALES.map((l) => flattenKeys(get(messagesOf(l), "notifications")).sort());
    expect(ru).toEqual(kk);
    expect(en).toEqual(kk);
  });
});
