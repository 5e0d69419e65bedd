import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, test } from "./fixtures";
import { demoKeyStore, EDS_PASSWORD, type Upload } from "./support/demo-keys";
import { act, meetEveryRequirement, openApplication, openQueue, signInAs } from "./support/officer";
import { seedSubmitted } from "./support/seed-submitted";
import { licenceOfApplication } from "./support/seed-signed-licence";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

/**
 * The officers' journey in Atyrau (regulation atyrau-2014-scrap): a scrap-metal licence
 * application submitted by «Каспий Вторчермет» (seeded through the workflow, there is no browser
 * step for the applicant here) is registered by the clerk, assigned by the head, checked and
 * drafted by the executor, signed with the head's EDS and handed over on paper by the clerk.
 */

const APPLICANT = "110740000007"; // «Каспий Вторчермет» ЖШС
const ATYRAU_BIN = "990540002404"; // the provider's BIN on the officers' demo certificates

const as = (page: Page, login: string) => signInAs(page, login, "ru");
const open = (page: Page, id: string, number: string) => openApplication(page, "ru", id, number);

test("Atyrau: clerk registers → head assigns → executor checks and drafts a licence → head signs with EDS → clerk hands over on paper", async ({ page }) => {
  test.setTimeout(180_000);
  const { id, registrationNumber } = seedSubmitted({ organisation: "atyrau", applicant: APPLICANT });
  const number = registrationNumber!;
  const headKey: Upload = await demoKeyStore(page, { bin: ATYRAU_BIN, role: "first_head", purpose: "signing", status: "valid" });

  // Office clerk: the incoming queue, then registration.
  await as(page, "atyrau.clerk");
  await openQueue(page, "Входящие на регистрацию");
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row).toBeVisible();
  await expect(row.getByText(/осталось|просрочено на/)).toBeVisible();
  await screenshot(page, "officer-worklist-clerk-ru");
  await expectAccessible(page);
  await row.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Заявление ${number}`);
  await expect(page.getByText("atyrau-2014-scrap, версия 1")).toBeVisible();
  await expect(page.getByTestId("registry-found")).toBeVisible();
  await screenshot(page, "officer-application-clerk-ru");
  await expectAccessible(page);
  await act(page, page.getByRole("button", { name: "Зарегистрировать", exact: true }), "Заявление зарегистрировано.");

  // Head: the resolution naming the executor, with each executor's load.
  await as(page, "atyrau.head");
  await openQueue(page, "На назначение");
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  const candidate = page.getByRole("radio", { name: /Сағынов Бауыржан/ });
  await expect(candidate).toBeVisible();
  await screenshot(page, "officer-assign-head-ru");
  await expectAccessible(page);
  await candidate.check();
  await act(page, page.getByRole("button", { name: "Назначить", exact: true }), "Ответственное лицо определено.");

  // Executor: review, completeness, the qualification checklist, the draft licence.
  await as(page, "atyrau.executor");
  await expect(page.getByRole("row").filter({ hasText: number })).toBeVisible();
  await open(page, id, number);
  await act(page, page.getByRole("button", { name: "Начать рассмотрение", exact: true }), "Рассмотрение начато.");
  const completeness = page.getByRole("form", { name: /Полнота документов/ });
  await completeness.getByRole("radio", { name: "Полный", exact: true }).check();
  await act(page, completeness.getByRole("button", { name: "Отметить результат" }), "Результат проверки отмечен.");

  const qualification = page.getByRole("form", { name: /Квалификационные требования/ });
  expect(await meetEveryRequirement(qualification, "Соответствует")).toBeGreaterThan(3);
  await expect(qualification.getByText("Общий итог: все требования соблюдены.")).toBeVisible();
  await qualification.getByRole("textbox", { name: "Комментарий" }).first().fill("Акт осмотра базы от 30.11.2026");
  await screenshot(page, "officer-qualification-executor-ru");
  await expectAccessible(page);
  await act(page, qualification.getByRole("button", { name: "Отметить результат" }), "Результат проверки отмечен.");

  const decision = page.getByRole("form", { name: "Проект решения" });
  await decision.getByRole("radio", { name: "Лицензия (положительный результат)" }).check();
  await expect(decision.getByRole("checkbox", { name: /Сбор \(заготовка\) лома и отходов черных металлов/ })).toBeChecked();
  await act(page, decision.getByRole("button", { name: "Направить проект на подпись" }), "Проект решения направлен руководителю на подпись.");

  // Head: the decision summary and the EDS signature.
  await as(page, "atyrau.head");
  await openQueue(page, "Решения на подпись");
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expect(page.getByTestId("decision-summary")).toContainText("Лицензия (положительный результат)");
  await screenshot(page, "officer-sign-head-ru");
  await expectAccessible(page);
  await page.locator("input[type=file][accept*='p12']").setInputFiles(headKey);
  await page.locator("input[type=password]").fill(EDS_PASSWORD);
  await act(page, page.getByRole("button", { name: "Подписать решение", exact: true }), "Решение подписано.");
  await expect(page.getByRole("cell", { name: "Решение", exact: true })).toBeVisible(); // the stored decision signature
  // The licence PDF signed in the browser (PAdES): pdfsig lists one valid signature, qpdf finds no error.
  const { licenceId } = licenceOfApplication(id);
  const pdfRes = await page.request.get(`/api/licences/${licenceId}/pdf`);
  expect(pdfRes.status()).toBe(200);
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/officer-atyrau-licence.pdf", await pdfRes.body());
  const pdfsig = execFileSync("pdfsig", ["-nocert", "test-results/officer-atyrau-licence.pdf"], { encoding: "utf8" });
  expect(pdfsig.match(/^Signature #\d+:/gm)).toHaveLength(1);
  expect(pdfsig).toContain("Signature Validation: Signature is Valid.");
  expect(pdfsig).toContain("Total document signed");
  execFileSync("qpdf", ["--check", "test-results/officer-atyrau-licence.pdf"]);

  // Clerk: hand-over on paper and the printable journal entry.
  await as(page, "atyrau.clerk");
  await openQueue(page, "Результаты к выдаче");
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await page.getByRole("radio", { name: "На бумажном носителе" }).check();
  await page.getByRole("button", { name: "Выдать", exact: true }).click();
  await expect(page.getByText("Укажите фамилию и имя получателя бумажного документа.").first()).toBeVisible();
  await page.getByLabel("ФИО получателя полностью").fill("Жаңабергенов Арман");
  await act(page, page.getByRole("button", { name: "Выдать", exact: true }), "Результат выдан.");
  await expect(page.getByText("Выдано").first()).toBeVisible();
  await screenshot(page, "officer-handed-over-clerk-ru");
  await page.getByRole("link", { name: "Запись журнала (печать)" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Запись журнала выдачи результатов");
  await expect(page.getByRole("row").filter({ hasText: "Получатель" })).toContainText("Жаңабергенов Арман");
  await expectAccessible(page);
  await screenshot(page, "officer-journal-entry-ru");
});

test("a stale page: the clerk's second tab gets “the application has changed” and nothing is overwritten", async ({ page, context }) => {
  const { id, registrationNumber } = seedSubmitted({ organisation: "atyrau", applicant: APPLICANT });
  await as(page, "atyrau.clerk");
  await open(page, id, registrationNumber!);
  const second = await context.newPage();
  await second.goto(`/ru/officer/applications/${id}`);
  await expect(second.getByRole("heading", { level: 1 })).toHaveText(`Заявление ${registrationNumber!}`);
  await act(second, second.getByRole("button", { name: "Зарегистрировать", exact: true }), "Заявление зарегистрировано.");
  await page.getByRole("button", { name: "Зарегистрировать", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Заявление изменилось" })).toBeVisible();
  await screenshot(page, "officer-stale-ru");
  await page.getByRole("button", { name: "Обновить страницу" }).click();
  await expect(page.getByText("На этом этапе от вас действий не требуется.")).toBeVisible();
});
