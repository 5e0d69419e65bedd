import type { Page } from "@playwright/test";
import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { startScrapApplication } from "./support/applicant-steps";

/**
 * Issue 12 "journeys without dead ends": each test asserts a fix (not only a screenshot).
 * Screenshots at 1366 and 390 px go to test-results/screens/journeys-*.png.
 */
const BIN = "050340000009"; // «Ақтөбе Металл Ресурс» ЖШС (demo applicant)
const PORT = Number(process.env.E2E_PORT ?? 3100);

const NAMESPACES =
  "admin|api|applications|auditTypes|auth|cabinet|catalogue|common|complaints|deadlines|documents|eds|errors|home|intake|licences|notifications|officer|pades|payments|pki|registries|service|status|supervisor|survey|testEds|validation|verification|workflow|application|payment|licence|document|signature";
const RAW_KEY = new RegExp(`(^|[\\s(«"])(${NAMESPACES})\\.[a-z_]+(\\.[a-z_]+)*($|[\\s)»",.:;])`, "m");
const RAW_ENUM =
  /\b(DRAFT|SUBMITTED|IN_PROGRESS|SUSPENDED|DEEMED_ISSUED|ISSUED|REFUSED|WITHDRAWN|OFFICE_CLERK|DEPUTY_HEAD|DEPARTMENT_HEAD|EXECUTOR|SUPERVISOR|APPLICANT|LEGAL_ENTITY|ON_TIME|DUE_SOON|OVERDUE)\b/;

/** Fails when the rendered page shows a message key (`payment.paid`) or a raw enum value (`IN_PROGRESS`). */
async function expectNoRawText(page: Page, selector = "body") {
  const text = (await page.locator(selector).allInnerTexts()).join("\n");
  expect(text.match(RAW_KEY)?.[0] ?? null, "a message key is rendered").toBeNull();
  expect(text.match(RAW_ENUM)?.[0] ?? null, "a raw enum value is rendered").toBeNull();
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client, culprit } = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    // The deepest element sticking out, to name in the failure.
    const out = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > w + 1);
    const last = out.at(-1);
    return {
      scroll: document.documentElement.scrollWidth,
      client: w,
      culprit: last ? `${last.tagName.toLowerCase()}#${last.id}.${String(last.className).slice(0, 60)}` : "",
    };
  });
  expect(scroll, `${page.url()} is ${scroll}px wide on a ${client}px screen (${culprit})`).toBeLessThanOrEqual(client);
}

/** A valid IIN (checksum as lib/platform/core) of a man born 12.03.1985, unique per run. */
function freshIin(): string {
  for (let n = Date.now() % 10_000; ; n = (n + 1) % 10_000) {
    const d = `8503123${String(n).padStart(4, "0")}`.split("").map(Number);
    let c = d.reduce((s, x, i) => s + x * (i + 1), 0) % 11;
    if (c === 10) c = d.reduce((s, x, i) => s + x * (((i + 2) % 11) + 1), 0) % 11;
    if (c !== 10) return `${d.join("")}${c}`;
  }
}

test.describe("journeys: validation (point 1)", () => {
  test("a bad e-mail gets its field message at once, is never 'Saved', and the signing checklist names and links each blocker", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, BIN, APPLICANT_PASSWORD, "ru");
    const id = await startScrapApplication(page, "ru");
    // The draft starts with the account's e-mail; a bad value never replaces it.
    const stored = await page.locator("#af-contactEmail").inputValue();
    await page.locator("#af-contactEmail").fill("office@");
    await page.locator("#af-activityAddress").click(); // leave the field: saves at once
    await expect(page.locator("#af-contactEmail-error")).toBeVisible();
    await expect(page.locator("#af-contactEmail")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("status").filter({ hasText: "Не сохранено" })).toBeVisible();
    const summary = page.getByTestId("error-summary");
    await expect(summary.locator("a[href='#af-contactEmail']")).toBeVisible();
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(summary).toBeFocused();
    await summary.locator("a[href='#af-contactEmail']").click();
    await expect(page.locator("#af-contactEmail")).toBeFocused();
    await screenshot(page, "journeys-bad-email-1366");
    await expectAccessible(page);

    // The PATCH of the API refuses it too: nothing was stored.
    const api = await page.request.patch(`/api/v1/applications/${id}`, {
      headers: { origin: `http://localhost:${PORT}` },
      data: { expectedVersion: 0, formData: { contactEmail: "office@" } },
    });
    expect(api.status()).toBe(422);
    expect((await api.json()).error.fieldErrors.contactEmail.code).toBe("validation.email");
    await page.reload();
    await expect(page.locator("#af-contactEmail")).toHaveValue(stored);
    // An empty field is allowed in a draft (saved), but blocks signing.
    await page.locator("#af-contactEmail").fill("");
    await page.locator("#af-activityAddress").click();
    await expect(page.getByRole("status").filter({ hasText: "Сохранено" })).toBeVisible({ timeout: 15_000 });

    // The checklist before signing names each blocking field and links to it.
    const ready = page.getByTestId("readiness-list");
    await expect(ready.locator("a[href='#af-contactEmail']")).toBeVisible();
    await expect(ready.locator("a[href='#af-activityAddress']")).toBeVisible();
    await expect(ready.locator("a[href^='#slot-']").first()).toBeVisible();
    await expect(ready.locator("a[href='#step-payment']")).toBeVisible();
    await expect(page.getByTestId("check-answers")).toBeVisible();

    // Live feedback: a good value is saved and step 1's checklist entry updates without a reload.
    await page.locator("input[type=checkbox]").first().check();
    await page.locator("#af-activityAddress").fill("Ақтөбе қ., Өнеркәсіп көшесі, 12");
    await page.locator("#af-contactPhone").fill("+7 701 555 44 33");
    await page.locator("#af-contactEmail").fill("office@aktobe-metall.example.kz");
    await page.locator("#af-activityAddress").click();
    await expect(page.getByRole("status").filter({ hasText: "Сохранено" })).toBeVisible({ timeout: 15_000 });
    await expect(ready.locator("a[href='#af-contactEmail']")).toHaveCount(0, { timeout: 15_000 });
    await expect(page.locator("#step-form")).toHaveAttribute("data-done", "true");
    await expectNoRawText(page);

    // Withdraw is a confirmation page, not a confirm() pop-up.
    page.on("dialog", () => {
      throw new Error("no browser dialog expected");
    });
    await page.getByTestId("withdraw-link").click();
    await expect(page).toHaveURL(new RegExp(`/applications/${id}/withdraw$`));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Да, отозвать" }).click();
    await expect(page.getByTestId("withdrawn")).toBeVisible();
  });

  test("registration: an error summary linked to the fields, then a success message", async ({ page }) => {
    await page.goto("/ru/register");
    await page.locator("form button[type=submit]").click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary.locator("a[href='#f-identifier']")).toBeVisible();
    await expect(summary.locator("a[href='#f-email']")).toBeVisible();
    await screenshot(page, "journeys-register-errors-1366");
    await expectAccessible(page);

    await page.locator("input[name=kind][value=INDIVIDUAL]").check();
    await page.locator("#f-identifier").fill(freshIin());
    await page.locator("#f-name").fill("Серікбаев Нұржан");
    await page.locator("#f-surname").fill("Серікбаев");
    await page.locator("#f-givenName").fill("Нұржан");
    await page.locator("#f-email").fill("office@");
    await page.locator("#f-phone").fill("+7 701 555 44 33");
    await page.locator("#f-password").fill("Journeys-Pass-2026");
    await page.locator("#f-passwordConfirm").fill("Journeys-Pass-2026");
    await page.locator("form button[type=submit]").click();
    await expect(summary.locator("a[href='#f-email']")).toBeVisible();
    // The values typed are kept after an error.
    await expect(page.locator("#f-surname")).toHaveValue("Серікбаев");
    await page.locator("#f-email").fill(`n${Date.now()}@example.kz`);
    await page.locator("#f-password").fill("Journeys-Pass-2026");
    await page.locator("#f-passwordConfirm").fill("Journeys-Pass-2026");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/ru\/applicant\?registered=1$/, { timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: "Учётная запись создана" })).toBeVisible();
  });
});

test.describe("journeys: My applications (point 2)", () => {
  test("pages beyond 50, searches by number, filters by status", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, BIN, APPLICANT_PASSWORD, "ru");
    for (let i = 0; i < 52; i++) {
      const r = await page.request.post("/api/v1/applications", {
        headers: { origin: `http://localhost:${PORT}` },
        data: { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" },
      });
      expect(r.status(), await r.text()).toBe(201);
    }
    await page.goto("/ru/applicant");
    const ids = new Set<string>();
    let pages = 0;
    for (;;) {
      pages++;
      for (const href of await page.locator("table tbody a[href*='/applicant/applications/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))
        ids.add(href);
      const next = page.getByRole("link", { name: "Следующая страница", exact: true });
      if (!(await next.count())) break;
      await page.goto((await next.getAttribute("href"))!);
      if (pages > 10) break;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(ids.size).toBeGreaterThan(50);
    await page.goto("/ru/applicant?status=DRAFT");
    await expect(page.locator("table tbody tr").first()).toContainText("Черновик от");
    await page.goto("/ru/applicant?q=NO-SUCH-NUMBER");
    await expect(page.getByText("Нет заявлений, подходящих под фильтры.")).toBeVisible();
    await page.goto("/ru/applicant");
    await screenshot(page, "journeys-my-applications-1366");
    await expectAccessible(page);
    await expectNoRawText(page);
  });
});

test.describe("journeys: layout (points 3 and 4)", () => {
  test("header is one row (≤ 80 px) at 1366 px for an applicant and an officer", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    for (const [login, password] of [
      [BIN, APPLICANT_PASSWORD],
      ["aktobe.clerk", STAFF_PASSWORD],
    ] as const) {
      for (const locale of ["ru", "kk", "en"]) {
        await signIn(page, login, password, locale);
        const h = await page.getByTestId("site-header").evaluate((e) => e.getBoundingClientRect().height);
        expect(h, `${login} ${locale}: header ${h}px`).toBeLessThanOrEqual(80);
        await expect(page.getByTestId("menu-button")).toBeHidden();
        await page.context().clearCookies();
      }
    }
  });

  test("below 1024 px a menu button opens the navigation; no sideways scroll at 390 and 320 px on the main pages", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const publicPages = ["/ru", "/ru/services/scrap-metal-licence", "/ru/sign-in", "/ru/register", "/ru/verify"];
    for (const p of publicPages) {
      await page.goto(p);
      await expectNoSidewaysScroll(page);
    }
    await page.goto("/ru");
    const header = await page.getByTestId("site-header").evaluate((e) => e.getBoundingClientRect().height);
    expect(header).toBeLessThanOrEqual(120);
    await expect(page.locator("#site-menu")).toBeHidden();
    await page.getByTestId("menu-button").click();
    await expect(page.getByTestId("menu-button")).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("#site-menu")).toBeVisible();
    await screenshot(page, "journeys-menu-open-390");
    await expectAccessible(page);

    await signIn(page, BIN, APPLICANT_PASSWORD, "ru");
    for (const p of ["/ru/applicant", "/ru/licences"]) {
      await page.goto(p);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `journeys-${p.split("/").at(-1)}-390`);
    }
    await page.context().clearCookies();
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "ru");
    await page.goto("/ru/officer");
    await expectNoSidewaysScroll(page);
    await screenshot(page, "journeys-officer-390");
    await page.context().clearCookies();
    await signIn(page, "aktobe.supervisor", STAFF_PASSWORD, "ru");
    await page.goto("/ru/supervisor");
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto("/ru/supervisor");
    await expectNoSidewaysScroll(page);
    await page.goto("/ru");
    await expectNoSidewaysScroll(page);
  });
});

test.describe("journeys: supervisor and officer (points 6, 7, 14)", () => {
  test("the dashboard counts by the current step and, labelled separately, by the overall term", async ({ page }) => {
    await signIn(page, "aktobe.supervisor", STAFF_PASSWORD, "ru");
    await page.goto("/ru/supervisor");
    await expect(page.getByTestId("tiles-step").getByRole("heading")).toContainText("По сроку текущего этапа");
    await expect(page.getByTestId("tiles-term").getByRole("heading")).toContainText("По общему сроку");
    await expect(page.getByTestId("tile-stepDueToday")).toBeVisible();
    await screenshot(page, "journeys-supervisor-1366");
    await expectAccessible(page);
    await expectNoRawText(page);
    // The audit viewer: events in words (the filter's hint names a code on purpose; the table does not).
    await page.goto("/ru/supervisor/audit");
    await expectNoRawText(page, "table");
  });

  test("worklist tabs carry counts and a total; working time is labelled", async ({ page }) => {
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "ru");
    await page.goto("/ru/officer");
    await expect(page.getByTestId("queue-count-all")).toHaveText(/^\d+$/);
    // The column header (when the demo worklist has rows) says it is working time.
    if (await page.locator("table").count()) await expect(page.getByRole("columnheader", { name: "Осталось рабочего времени" })).toBeVisible();
    await screenshot(page, "journeys-worklist-1366");
    await expectAccessible(page);
    await expectNoRawText(page);
  });

  test("the public service page prints the fee with one currency sign and no note for administrators", async ({ page }) => {
    for (const locale of ["ru", "kk", "en"]) {
      await page.goto(`/${locale}/services/scrap-metal-licence`);
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/KZT|₸\s*₸/);
      expect(text).not.toMatch(/check it against the Tax Code|сверьте с Налоговым кодексом|Салық кодексімен тексеріңіз/);
      await expectNoRawText(page);
    }
  });
});
