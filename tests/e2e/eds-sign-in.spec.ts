import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, test } from "./fixtures";

// Demo key stores are issued by prisma/seed/demo-certificates.ts (seedDemoCertificates, called
// from the seed) and offered on /<locale>/demo-certificates with this password.
const EDS_PASSWORD = "Demo-Eds-2026";
const BIN = "050340000009";

const ROW = {
  headAuth: `tr[data-bin="${BIN}"][data-role="first_head"][data-purpose="authentication"]`,
  headSigning: `tr[data-bin="${BIN}"][data-role="first_head"][data-purpose="signing"]`,
  revokedAuth: `tr[data-bin="${BIN}"][data-status="revoked"][data-purpose="authentication"]`,
};

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Finds the row on the demo page and downloads its .p12 through the page's request context. */
async function downloadKeyStore(page: Page, row: string): Promise<Upload> {
  await page.goto("/ru/demo-certificates");
  const link = page.locator(row).getByRole("link");
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/x-pkcs12");
  const name = /filename="([^"]+)"/.exec(res.headers()["content-disposition"] ?? "")?.[1] ?? "key.p12";
  return { name, mimeType: "application/x-pkcs12", buffer: await res.body() };
}

async function signInWithEds(page: Page, file: Upload, password = EDS_PASSWORD) {
  await page.goto("/ru/sign-in?method=eds");
  await page.locator("#eds-file").setInputFiles(file);
  await page.locator("#eds-password").fill(password);
  await page.getByRole("button", { name: "Войти с ЭЦП" }).click();
}

/** Records every request that would carry something to the portal's EDS sign-in. */
function watchEdsRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (/\/api\/auth\/(eds-challenge|callback\/eds)/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

test.describe("EDS sign-in", () => {
  test("the demo page marks the sandbox CA, shows the password and the revoked certificates", async ({ page }) => {
    await page.goto("/ru/demo-certificates");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Демонстрационные сертификаты ЭЦП");
    await expect(page.getByText("Песочница: тестовый удостоверяющий центр")).toBeVisible();
    await expect(page.getByTestId("demo-eds-password")).toHaveText(EDS_PASSWORD);
    await expect(page.locator(ROW.revokedAuth)).toContainText("Отозван");
    await expect(page.locator(ROW.headAuth)).toContainText("Действителен");
    await expectAccessible(page);
    await screenshot(page, "eds-demo-certificates");
  });

  test(`the authentication key of ${BIN} signs in and lands on /ru/applicant`, async ({ page }) => {
    const file = await downloadKeyStore(page, ROW.headAuth);
    expect(file.name).toMatch(/^AUTH_RSA256_/);
    await page.goto("/ru/sign-in?method=eds");
    await expect(page.getByRole("link", { name: "ЭЦП", exact: true })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
    await screenshot(page, "eds-sign-in-form");
    await signInWithEds(page, file);
    await expect(page).toHaveURL(/\/ru\/applicant$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мои заявления");
  });

  test("a revoked certificate is refused by the portal", async ({ page }) => {
    const file = await downloadKeyStore(page, ROW.revokedAuth);
    await signInWithEds(page, file);
    const alert = page.locator("#eds-error");
    await expect(alert).toHaveText("Вход отклонён: сертификат отозван.");
    await expect(alert).toBeFocused();
    await expect(page).toHaveURL(/\/ru\/sign-in/);
    await expectAccessible(page);
    await screenshot(page, "eds-sign-in-revoked");
    await page.goto("/ru/applicant");
    await expect(page).toHaveURL(/\/ru\/sign-in$/);
  });

  test("the signing key chosen for login is refused in the browser, before anything is sent", async ({ page }) => {
    const file = await downloadKeyStore(page, ROW.headSigning);
    const sent = watchEdsRequests(page);
    await signInWithEds(page, file);
    const alert = page.locator("#eds-error");
    await expect(alert).toHaveText(
      "Это ключ для подписи (RSA256_…): им подписывают документы, для входа он не предназначен. Выберите ключ аутентификации (AUTH_RSA256_…).",
    );
    await expect(alert).toBeFocused();
    await expect(page.locator("#eds-file")).toHaveAttribute("aria-describedby", /eds-error/);
    expect(sent).toEqual([]);
    await screenshot(page, "eds-sign-in-wrong-key");
  });

  test("a wrong password and a file that is not a key store are told apart, before anything is sent", async ({ page }) => {
    const file = await downloadKeyStore(page, ROW.headAuth);
    const sent = watchEdsRequests(page);
    await signInWithEds(page, file, "not-the-password");
    await expect(page.locator("#eds-error")).toHaveText("Неверный пароль к хранилищу ключей.");
    await expect(page.locator("#eds-password")).toHaveAttribute("aria-invalid", "true");
    await signInWithEds(page, { name: "notes.p12", mimeType: "application/x-pkcs12", buffer: Buffer.from("just some text, not a key store") });
    await expect(page.locator("#eds-error")).toHaveText("Файл не является хранилищем ключей (PKCS#12, .p12).");
    expect(sent).toEqual([]);
  });

  test("the CRL and the CA certificates are published", async ({ page }) => {
    const crl = await page.request.get("/api/pki/crl");
    expect(crl.status()).toBe(200);
    expect(crl.headers()["content-type"]).toBe("application/pkix-crl");
    expect((await crl.body())[0]).toBe(0x30);
    const ca = await page.request.get("/api/pki/ca");
    expect(await ca.text()).toMatch(/-----BEGIN CERTIFICATE-----[\s\S]+-----BEGIN CERTIFICATE-----/);
  });
});
