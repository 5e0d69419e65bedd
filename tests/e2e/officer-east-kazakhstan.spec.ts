import type { Page } from "@playwright/test";
import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";
import { demoKeyStore, EDS_PASSWORD } from "./support/demo-keys";
import { act, meetEveryRequirement, openApplication, openQueue, staffSessions, worklistRow } from "./support/officer";
import { seedSubmitted } from "./support/seed-submitted";

/**
 * East Kazakhstan (regulation east-kazakhstan-2014-grain, seed 003), in English: a grain-warehouse
 * licence application of «Шығыс Астық Қоймасы» АҚ goes through the three successive resolutions
 * of 003 — head → deputy head → department head → executor [003 L89-94] — then the executor's
 * completeness check, pre-licensing inspection [003 L97-98] and draft licence, the head's EDS
 * signature, and the executor's hand-over (in 003 the executor "draws up and issues" the licence
 * [003 L99-100]; the office only registers). After every action the application leaves the
 * acting officer's worklist and is in the next officer's; once named, the deputy head is the only
 * one of the five officers who has it, and the executor has nothing to do before being assigned.
 */

const APPLICANT = "981240000001"; // «Шығыс Астық Қоймасы» АҚ
const EKO_BIN = "001240003102"; // the provider's BIN on the East Kazakhstan officers' demo certificates
const STAFF = ["eko.clerk", "eko.head", "eko.deputy", "eko.department", "eko.executor"] as const;
type Login = (typeof STAFF)[number];


/** Whether the signed-in officer's worklist (every queue, searched by the number) has the application. */
async function expectInMyWorklist(page: Page, number: string, present: boolean) {
  await page.goto(`/en/officer?q=${number}`);
  await expect(page.getByRole("search")).toBeVisible();
  await expect(worklistRow(page, number)).toHaveCount(present ? 1 : 0);
}

/** Signs in as the officer whose turn it is and finds the application in their worklist. */
async function next(page: Page, as: (login: Login) => Promise<void>, login: Login, number: string) {
  await as(login);
  await expectInMyWorklist(page, number, true);
}

/**
 * Only `holder` has the application in their worklist; every other officer of the organisation
 * does not. Ends signed in as the holder, on their worklist.
 */
async function expectOnlyWith(page: Page, as: (login: Login) => Promise<void>, number: string, holder: Login) {
  for (const login of [...STAFF.filter((l) => l !== holder), holder]) {
    await as(login);
    await expectInMyWorklist(page, number, login === holder);
  }
}

/** The holder of the assign step opens it from the "To assign" queue and names `person` (of `role`) by resolution. */
async function assignFromQueue(page: Page, number: string, role: string, person: RegExp, shot: string) {
  await openQueue(page, "To assign");
  await worklistRow(page, number).getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { name: `Resolution: responsible ${role}` })).toBeVisible();
  const candidate = page.getByRole("radio", { name: person });
  await expect(candidate).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, shot);
  await candidate.check();
  await act(page, page.getByRole("button", { name: "Assign", exact: true }), "The responsible officer is appointed.");
}

test("East Kazakhstan (en): clerk registers → head → deputy head → department head → executor checks, inspects, drafts → head signs with EDS → executor hands over → the applicant has the licence", async ({ page }) => {
  test.setTimeout(360_000);
  const { id, registrationNumber } = seedSubmitted({ organisation: "east-kazakhstan", applicant: APPLICANT, service: "grain-warehouse-receipts-licence" });
  const number = registrationNumber!;
  const headKey = await demoKeyStore(page, { bin: EKO_BIN, role: "first_head", purpose: "signing", status: "valid" });
  const open = () => openApplication(page, "en", id, number);
  const as = staffSessions(page, "en");

  // Office: registration.
  await next(page, as, "eko.clerk", number);
  await openQueue(page, "Incoming to register");
  await expect(worklistRow(page, number)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "eko-worklist-clerk-en");
  await worklistRow(page, number).getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Application ${number}`);
  await expect(page.getByText("east-kazakhstan-2014-grain", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "eko-application-clerk-en");
  await act(page, page.getByRole("button", { name: "Register", exact: true }), "The application is registered.");
  await expectInMyWorklist(page, number, false);

  // Head: the resolution names the responsible deputy head.
  await next(page, as, "eko.head", number);
  await assignFromQueue(page, number, "Deputy head", /Ахметова Динара/, "eko-assign-deputy-head-en");
  await expectInMyWorklist(page, number, false);

  // Deputy head (the named one, and nobody else: the whole office checked once): names the department head.
  await expectOnlyWith(page, as, number, "eko.deputy");
  await assignFromQueue(page, number, "Department head", /Смағұлов Нұрлан/, "eko-assign-department-head-en");
  await expectInMyWorklist(page, number, false);

  // The executor is not assigned yet: the application is not in their worklist and they cannot act on it.
  await as("eko.executor");
  await expectInMyWorklist(page, number, false);
  await open();
  await expect(page.getByText("Nothing is required from you at this stage.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the review" })).toHaveCount(0);

  // Department head: names the executor.
  await next(page, as, "eko.department", number);
  await assignFromQueue(page, number, "Responsible executor", /Қалиева Жансая/, "eko-assign-executor-en");
  await expectInMyWorklist(page, number, false);

  // Executor: review, completeness, the pre-licensing inspection, the draft licence.
  await next(page, as, "eko.executor", number);
  await openQueue(page, "In work");
  await worklistRow(page, number).getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Application ${number}`);
  await act(page, page.getByRole("button", { name: "Start the review", exact: true }), "Review started.");
  const completeness = page.getByRole("form", { name: /Completeness of the documents/ });
  await completeness.getByRole("radio", { name: "Complete", exact: true }).check();
  await act(page, completeness.getByRole("button", { name: "Record the result" }), "The check result is recorded.");

  const inspection = page.getByRole("form", { name: /Pre-licensing inspection/ });
  await expect(inspection).toBeVisible();
  expect(await meetEveryRequirement(inspection, "Meets")).toBeGreaterThan(0);
  await expect(inspection.getByText("Overall: every requirement is met.")).toBeVisible();
  await inspection.getByRole("textbox", { name: "Comment" }).first().fill("Inspection report of the warehouse, Öskemen");
  await expectAccessible(page);
  await screenshot(page, "eko-inspection-executor-en");
  await act(page, inspection.getByRole("button", { name: "Record the result" }), "The check result is recorded.");

  const decision = page.getByRole("form", { name: "Draft decision" });
  await decision.getByRole("radio", { name: "Licence (positive result)" }).check();
  await expect(decision.getByRole("checkbox").first()).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, "eko-draft-licence-executor-en");
  await act(page, decision.getByRole("button", { name: "Send the draft for signature" }), "The draft decision has gone to the head for signature.");
  await expectInMyWorklist(page, number, false);

  // Head: the EDS signature (the demo .p12 of the head of East Kazakhstan).
  await next(page, as, "eko.head", number);
  await openQueue(page, "Decisions to sign");
  await worklistRow(page, number).getByRole("link", { name: number }).click();
  await expect(page.getByTestId("decision-summary")).toContainText("Licence (positive result)");
  await expectAccessible(page);
  await screenshot(page, "eko-sign-head-en");
  await page.locator("input[type=file][accept*='p12']").setInputFiles(headKey);
  await page.locator("input[type=password]").fill(EDS_PASSWORD);
  await act(page, page.getByRole("button", { name: "Sign the decision", exact: true }), "The decision is signed.");
  await expectInMyWorklist(page, number, false);

  // Executor hands the licence over (003: the executor issues it; the office does not have it).
  await as("eko.clerk");
  await expectInMyWorklist(page, number, false);
  await next(page, as, "eko.executor", number);
  await openQueue(page, "Results to hand over");
  await worklistRow(page, number).getByRole("link", { name: number }).click();
  await expect(page.getByText("Result: Licence (positive result)")).toBeVisible();
  await page.getByRole("radio", { name: "Electronically (personal cabinet)" }).check();
  await expectAccessible(page);
  await screenshot(page, "eko-hand-over-executor-en");
  await act(page, page.getByRole("button", { name: "Hand over", exact: true }), "The result is handed over.");
  await expect(page.getByText("Nothing is required from you at this stage.")).toBeVisible();
  await expectInMyWorklist(page, number, false);

  // The applicant: the licence in their cabinet, signed by the head.
  await page.context().clearCookies();
  await signIn(page, APPLICANT, APPLICANT_PASSWORD, "en");
  await page.goto(`/en/applicant/applications/${id}`);
  const download = page.getByRole("link", { name: /Download licence No\. KZ\d+/ });
  await expect(download).toBeVisible();
  const licenceNumber = /KZ\d+/.exec((await download.textContent()) ?? "")![0];
  await expectAccessible(page);
  await screenshot(page, "eko-applicant-application-en");
  await page.goto("/en/licences");
  await page.getByRole("link", { name: licenceNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Licence No. ${licenceNumber}`);
  await expect(page.getByText("Мұқанов Асқар").first()).toBeVisible();
  await expect(page.getByText("Active").first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "eko-applicant-licence-en");
});
