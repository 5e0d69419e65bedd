import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { getService } from "@/lib/law/catalogue";
import { LICENCE_PDF_PRODUCER, renderLicencePdf, type TLicencePdfInput } from "@/lib/cases/licence-pdf";
import { activityText, formatLicenceNumber } from "@/lib/cases/licences";
import { extractPageText } from "./pdf-text";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const number = formatLicenceNumber({ year: 2026, regionCode: "15", sequence: 42 });
const scrap = getService("scrap-metal-licence")!;
const activity = activityText(scrap.code);

export const SAMPLE: TLicencePdfInput = {
  licence: {
    number,
    versionNo: 2,
    previousNumber: formatLicenceNumber({ year: 2025, regionCode: "15", sequence: 120 }),
    issuedAt: new Date("2026-11-30T09:05:00Z"),
    validFrom: new Date("2026-11-30T09:05:00Z"),
    validTo: null,
    subtypes: scrap.activitySubtypes.slice(0, 4).map((s) => ({ kk: s.label.kk, ru: s.label.ru })),
    annexNumbers: [],
    tacit: false,
  },
  service: { code: scrap.code, kind: "licence", title: { kk: scrap.title.kk, ru: scrap.title.ru }, activity: { kk: activity.kk, ru: activity.ru } },
  organisation: { name: { kk: "«Ақтөбе облысының Энергетика және коммуналдық шаруашылық басқармасы» ММ", ru: "ГУ «Управление энергетики и жилищно-коммунального хозяйства Актюбинской области»" } },
  holder: { name: "«Ақтөбе Металл Ресурс» ЖШС", identifier: "050340000009", kind: "LEGAL_ENTITY", address: "Ақтөбе қ., Әбілқайыр хан даңғылы, 40" },
  signer: { name: "Сәрсенбаев Әлібек Қайратұлы", position: "Басқарма басшысы / Руководитель управления" },
  signedAt: new Date("2026-11-30T09:04:12Z"),
  verifyUrl: `http://localhost:3000/verify/${number}`,
};

async function load(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages();
  return { doc, pages, text: pages.flatMap((p) => extractPageText(doc, p)).join(" ") };
}

describe("renderLicencePdf", () => {
  it("renders one A4 page with the number, holder, BIN, sub-types, provider, dates and signer, in Kazakh and Russian", async () => {
    const bytes = await renderLicencePdf(SAMPLE);
    mkdirSync(`${root}test-results`, { recursive: true });
    writeFileSync(`${root}test-results/licence-sample.pdf`, bytes);
    const { doc, pages, text } = await load(bytes);
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0]!.getWidth())).toBe(595);
    expect(doc.getTitle()).toContain(number);
    for (const s of [
      `№ ${number}`,
      "«Ақтөбе Металл Ресурс» ЖШС",
      "БСН / БИН: 050340000009",
      "Лицензиат",
      "Подвиды деятельности",
      "Қызметтің кіші түрлері",
      scrap.activitySubtypes[0]!.label.ru,
      "Лицензиар",
      "30.11.2026",
      "Сәрсенбаев Әлібек Қайратұлы",
      "30.11.2026 14:04 (Астана уақыты / время Астаны)",
      SAMPLE.licence.previousNumber!,
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain("\uFFFD");
  });

  it("embeds glyphs for every Kazakh letter (ә ғ қ ң ө ұ ү һ і and capitals)", async () => {
    const letters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    const bytes = await renderLicencePdf({ ...SAMPLE, holder: { ...SAMPLE.holder, name: `ЖК Өмірзақова Гүлнұр Һашимқызы (${letters})` } });
    const { text } = await load(bytes);
    for (const ch of letters) expect(text, ch).toContain(ch);
    expect(text).toContain(`(${letters})`);
  });

  it("is deterministic: same input, same bytes; dates from the input, fixed producer", async () => {
    const [a, b] = [await renderLicencePdf(SAMPLE), await renderLicencePdf(SAMPLE)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { doc } = await load(a);
    expect(doc.getProducer()).toBe(LICENCE_PDF_PRODUCER);
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-11-30T09:05:00.000Z");
    expect(doc.getModificationDate()?.toISOString()).toBe("2026-11-30T09:05:00.000Z");
    const other = await renderLicencePdf({ ...SAMPLE, signedAt: new Date("2026-11-30T09:14:12Z") });
    expect(Buffer.from(other).equals(Buffer.from(a))).toBe(false);
  });

  it("marks a duplicate ТЕЛНҰСҚА / ДУБЛИКАТ with the date it was issued", async () => {
    const { text } = await load(await renderLicencePdf({ ...SAMPLE, duplicate: true, duplicateIssuedAt: new Date("2027-02-01T06:00:00Z") }));
    expect(text).toContain("ТЕЛНҰСҚА / ДУБЛИКАТ");
    expect(text).toContain("01.02.2027");
    expect((await load(await renderLicencePdf(SAMPLE))).text).not.toContain("ДУБЛИКАТ");
  });

  it("marks the head's preview of a draft ЖОБА / ПРОЕКТ, not signed, not issued, without a QR code or verification address", async () => {
    const { doc, pages, text } = await load(await renderLicencePdf({ ...SAMPLE, draft: true, signer: null, signedAt: null }));
    expect(pages).toHaveLength(1);
    expect(doc.getTitle()).toBe(`ЛИЦЕНЗИЯ № ${number} (ПРОЕКТ)`);
    expect(text).toContain("ЖОБА / ПРОЕКТ");
    expect(text).toContain("Қол қойылмаған, берілмеген / Не подписан, не выдан");
    expect(text).toContain("«Ақтөбе Металл Ресурс» ЖШС");
    expect(text).not.toContain("/verify/");
    const final = (await load(await renderLicencePdf(SAMPLE))).text;
    expect(final).not.toContain("ПРОЕКТ");
    expect(final).toContain("/verify/");
  });

  it("keeps a long list of sub-types and a tacit licence on one page, saying why there is no signature", async () => {
    const all = scrap.activitySubtypes.map((s) => ({ kk: s.label.kk, ru: s.label.ru }));
    const { pages, text } = await load(await renderLicencePdf({ ...SAMPLE, licence: { ...SAMPLE.licence, subtypes: all, tacit: true }, signer: null, signedAt: null }));
    expect(pages).toHaveLength(1);
    for (const s of all) expect(text).toContain(s.kk.split(" ")[0]!);
    expect(text).toContain("«молчание – знак согласия»");
    expect(text).toContain("Без подписи уполномоченного лица");
  });
});
