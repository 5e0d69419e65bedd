import { expect, type Page } from "@playwright/test";

export const EDS_PASSWORD = "Demo-Eds-2026";
export type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Downloads a demo key store listed on the sandbox CA's demo page (row attributes select it). */
export async function demoKeyStore(page: Page, o: { bin?: string; iin?: string; role: string; purpose: "signing" | "authentication"; status?: "valid" | "revoked" }): Promise<Upload> {
  await page.goto("/ru/demo-certificates");
  const sel = [o.bin ? `[data-bin="${o.bin}"]` : "", o.iin ? `[data-iin="${o.iin}"]` : "", `[data-role="${o.role}"]`, `[data-purpose="${o.purpose}"]`, o.status ? `[data-status="${o.status}"]` : ""].join("");
  const link = page.locator(`tr${sel}`).first().getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const name = /filename="([^"]+)"/.exec(res.headers()["content-disposition"] ?? "")?.[1] ?? "key.p12";
  return { name, mimeType: "application/x-pkcs12", buffer: await res.body() };
}

/** A tiny one-page PDF that a PDF reader opens (the portal parses every uploaded PDF). */
export function pdf(name: string): Upload {
  const body =
    `%PDF-1.4\n% scan of ${name}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
    `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body) };
}
