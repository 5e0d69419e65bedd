import { expect, expectAccessible, screenshot, test } from "./fixtures";

// A well-formed number (valid MOD 97-10 check digits) that is never issued: year 2099, region 00.
const UNKNOWN = "KZ9900999999957";

const TEXT = {
  kk: { title: "Лицензияны тексеру", notFound: "Лицензия табылмады", submit: "Тексеру", invalid: "Бұл лицензия нөмірі де, БСН/ЖСН де емес", noneForHolder: "Бұл БСН/ЖСН бойынша портал арқылы берілген лицензиялар табылмады." },
  ru: { title: "Проверка лицензии", notFound: "Лицензия не найдена", submit: "Проверить", invalid: "Это не номер лицензии и не БИН/ИИН", noneForHolder: "Лицензий, выданных через портал, для этого БИН/ИИН не найдено." },
  en: { title: "Check a licence", notFound: "Licence not found", submit: "Check", invalid: "This is neither a licence number nor a BIN/IIN", noneForHolder: "No licences issued through the portal were found for this BIN/IIN." },
} as const;

test.describe("public licence verification", () => {
  for (const [locale, tx] of Object.entries(TEXT)) {
    test(`an unknown licence number shows the not-found message in ${locale}`, async ({ page }) => {
      const res = await page.goto(`/${locale}/verify/${UNKNOWN}`);
      expect(res?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(tx.notFound);
      await expectAccessible(page);
      await screenshot(page, `verify-not-found-${locale}`);
    });

    test(`the search form in ${locale} takes a number to its page, and says so when the text is neither a number nor a BIN/IIN`, async ({ page }) => {
      await page.goto(`/${locale}/verify`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(tx.title);
      await expectAccessible(page);
      await page.locator("#verify-q").fill(UNKNOWN.toLowerCase());
      await page.getByRole("button", { name: tx.submit, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/verify/${UNKNOWN}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(tx.notFound);

      await page.goto(`/${locale}/verify?q=KZ123`);
      await expect(page.locator("#verify-q")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(tx.invalid)).toBeVisible();
      await screenshot(page, `verify-invalid-${locale}`);
    });

    test(`a BIN without licences gives an empty result in ${locale}`, async ({ page }) => {
      await page.goto(`/${locale}/verify?q=150240000006`);
      await expect(page.getByText(tx.noneForHolder)).toBeVisible();
      await expectAccessible(page);
    });
  }

  test("the JSON API answers 404 for an unknown number and 400 for a malformed one, never cached", async ({ request }) => {
    const unknown = await request.get(`/api/v1/licences/${UNKNOWN}/verification`);
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["cache-control"]).toContain("no-store");
    expect(await unknown.json()).toMatchObject({ error: { code: "errors.not_found" } });
    const malformed = await request.get("/api/v1/licences/KZ9900999999958/verification");
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "licences.invalid_number" } });
  });

  test("the licence PDF and signature are not served to visitors", async ({ request }) => {
    for (const p of ["pdf", "signature"]) {
      const res = await request.get(`/api/licences/00000000-0000-0000-0000-000000000000/${p}`);
      expect(res.status()).toBe(401);
      expect((await res.json()).error.code).toBe("auth.signed_out");
    }
  });
});
