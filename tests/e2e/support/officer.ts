import { type Cookie, expect, type Locator, type Page } from "@playwright/test";
import { signIn, STAFF_PASSWORD } from "../fixtures";

/**
 * Shared steps of the officer journeys. Every action waits for its own observable result before
 * the next one starts: after success the workspace navigates to `?done=<command>&v=<new version>`
 * and re-renders every form keyed by that version, so a click on the next form before that
 * navigation lands on a form that is about to be replaced (a checked radio is lost and the
 * button disabled again — the old flake of officer-atyrau).
 */

export type Locale = "kk" | "ru" | "en";

/** Signs a staff member in (fresh cookies) and waits for their worklist. */
export async function signInAs(page: Page, login: string, locale: Locale) {
  await page.context().clearCookies();
  await signIn(page, login, STAFF_PASSWORD, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/officer$`));
}

/**
 * For journeys that pass the application back and forth between many officers: switches the page
 * to a staff member's session, signing each login in through the form only the first time and
 * restoring their session cookies afterwards (sessions are JWTs valid for hours).
 */
export function staffSessions(page: Page, locale: Locale) {
  const saved = new Map<string, Cookie[]>();
  return async (login: string) => {
    const cookies = saved.get(login);
    if (!cookies) {
      await signInAs(page, login, locale);
      saved.set(login, await page.context().cookies());
      return;
    }
    await page.context().clearCookies();
    await page.context().addCookies(cookies);
    await page.goto(`/${locale}/officer`);
    await expect(page).toHaveURL(new RegExp(`/${locale}/officer$`));
  };
}

const TITLE: Record<Locale, (n: string) => string> = { ru: (n) => `Заявление ${n}`, kk: (n) => `Өтініш ${n}`, en: (n) => `Application ${n}` };

/** Opens an application's workspace by id and waits for its heading. */
export async function openApplication(page: Page, locale: Locale, id: string, number: string) {
  await page.goto(`/${locale}/officer/applications/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE[locale](number));
}

/**
 * Clicks a workspace action's submit button and waits until it has taken effect: the page has
 * navigated to a new `?done=…&v=…` URL (the re-rendered workspace) and shows `message`. A message
 * repeated by two actions in a row (two checks) cannot satisfy the wait early this way.
 */
export async function act(page: Page, submit: Locator, message: string) {
  const before = page.url();
  await expect(submit).toBeEnabled();
  await submit.click();
  await page.waitForURL((u) => u.href !== before && u.searchParams.has("done") && u.searchParams.has("v"), { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible({ timeout: 20_000 });
}

/** The worklist row of an application (by its registration number) on the current page. */
export function worklistRow(page: Page, number: string) {
  return page.getByRole("row").filter({ hasText: number });
}

/** Opens a worklist queue by its link and waits until the list shown is that queue's. */
export async function openQueue(page: Page, name: string) {
  // The tab's accessible name ends with its count ("Входящие на регистрацию 3").
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const link = page.getByRole("navigation").getByRole("link", { name: new RegExp(`^${escaped}(\\s+\\d+)?$`) });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}

/** Answers every requirement of a checklist form with `meets` (its radio label); returns how many there were. */
export async function meetEveryRequirement(form: Locator, meets: string) {
  const radios = form.getByRole("radio", { name: meets, exact: true });
  const n = await radios.count();
  for (let i = 0; i < n; i++) await radios.nth(i).check();
  return n;
}
