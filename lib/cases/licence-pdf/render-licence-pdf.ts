import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { type PreparedPdf, type SignatureFieldOptions, addSignatureField, fixByteRange } from "@/lib/trust/pades";
import { docDate, loadLicenceFonts } from "./fonts";
import { DOC_TITLE, L } from "./labels";
import { BOX_TOP, BRAND, INK, LEFT, MUTED, RIGHT, SIGNATURE_WIDGET_RECT, W, H } from "./page-geometry";
import { drawSignatureBlock } from "./signature-block";
import { wrapText } from "./text-layout";
import type { TBilingual, TLicencePdfFonts, TLicencePdfInput } from "./types";

/** Fixed so the same input renders to the same bytes (creation dates come from the input). */
export const LICENCE_PDF_PRODUCER = "e-licensing portal of the Republic of Kazakhstan, licence renderer v1";

const LABEL_W = 150;
const VALUE_X = LEFT + LABEL_W + 12;
const VALUE_W = RIGHT - VALUE_X;
const GOLD = rgb(0.996, 0.773, 0.047);
const RULE = rgb(0.78, 0.8, 0.84);
const RED = rgb(0.72, 0.07, 0.07);

type Fonts = { regular: PDFFont; bold: PDFFont };
type Line = { text: string; font: PDFFont; size: number; color: RGB; indent?: number; gapBefore?: number };
type Row = { label: Line[]; value: Line[] };

const lh = (l: Line) => l.size * 1.28 + (l.gapBefore ?? 0);
const heightOf = (lines: Line[]) => lines.reduce((h, l) => h + lh(l), 0);

function wrapped(text: string, font: PDFFont, size: number, width: number, color: RGB, extra: Partial<Line> = {}): Line[] {
  const indent = extra.indent ?? 0;
  return wrapText(text, font, size, width - indent).map((t, i) => ({ text: t, font, size, color, ...extra, gapBefore: i === 0 ? extra.gapBefore : 0 }));
}

function label(b: TBilingual, f: Fonts, s: number): Line[] {
  return [...wrapped(b.kk, f.bold, 9 * s, LABEL_W, INK), ...wrapped(b.ru, f.regular, 8.5 * s, LABEL_W, MUTED)];
}

function bilingualValue(b: TBilingual, f: Fonts, s: number, size = 10): Line[] {
  if (b.kk === b.ru) return wrapped(b.kk, f.regular, size * s, VALUE_W, INK);
  return [...wrapped(b.kk, f.regular, size * s, VALUE_W, INK), ...wrapped(b.ru, f.regular, size * s, VALUE_W, MUTED, { gapBefore: 2 * s })];
}

function buildRows(input: TLicencePdfInput, f: Fonts, s: number): Row[] {
  const { licence, holder, service, organisation } = input;
  const isLicence = service.kind === "licence";
  const idLabel = holder.kind === "LEGAL_ENTITY" ? `${L.bin.kk} / ${L.bin.ru}` : `${L.iin.kk} / ${L.iin.ru}`;
  const rows: Row[] = [];
  rows.push({
    label: label(isLicence ? L.holder : L.holderOther, f, s),
    value: [
      ...wrapped(holder.name, f.bold, 11 * s, VALUE_W, INK),
      { text: `${idLabel}: ${holder.identifier}`, font: f.regular, size: 10 * s, color: INK, gapBefore: 1 },
      ...(holder.address ? wrapped(holder.address, f.regular, 9 * s, VALUE_W, MUTED) : []),
    ],
  });
  rows.push({ label: label(isLicence ? L.activity : L.service, f, s), value: bilingualValue(service.activity, f, s) });
  if (licence.subtypes.length) {
    const value: Line[] = [];
    licence.subtypes.forEach((st, i) => {
      const n = `${i + 1}. `;
      const indent = f.regular.widthOfTextAtSize(n, 9.5 * s);
      const kk = wrapped(st.kk, f.regular, 9.5 * s, VALUE_W, INK, { indent, gapBefore: i === 0 ? 0 : 3 * s });
      if (kk[0]) kk[0] = { ...kk[0], text: n + kk[0].text, indent: 0 };
      value.push(...kk);
      if (st.ru !== st.kk) value.push(...wrapped(st.ru, f.regular, 8.5 * s, VALUE_W, MUTED, { indent }));
    });
    rows.push({ label: label(L.subtypes, f, s), value });
  }
  rows.push({ label: label(isLicence ? L.provider : L.providerOther, f, s), value: bilingualValue(organisation.name, f, s) });
  rows.push({ label: label(L.issuedAt, f, s), value: [{ text: docDate(licence.issuedAt), font: f.bold, size: 10.5 * s, color: INK }] });
  const validity = licence.validTo
    ? `${docDate(licence.validFrom)} – ${docDate(licence.validTo)}`
    : `${docDate(licence.validFrom)} – ${L.unlimited.kk} / ${L.unlimited.ru}`;
  rows.push({ label: label(L.validity, f, s), value: [{ text: validity, font: f.regular, size: 10 * s, color: INK }] });
  if (licence.versionNo > 1 && licence.previousNumber) {
    rows.push({
      label: label(L.version, f, s),
      value: [
        ...wrapped(`${L.previous.kk} / ${L.previous.ru}: ${licence.previousNumber}`, f.regular, 9.5 * s, VALUE_W, INK),
        ...wrapped(`${licence.versionNo}-${L.versionNo.kk} / ${L.versionNo.ru} ${licence.versionNo}`, f.regular, 8.5 * s, VALUE_W, MUTED),
      ],
    });
  }
  if (licence.annexNumbers?.length) {
    rows.push({ label: label(L.annexes, f, s), value: wrapped(licence.annexNumbers.join(", "), f.regular, 9.5 * s, VALUE_W, INK) });
  }
  if (licence.tacit) {
    rows.push({ label: label({ kk: "Ескерту", ru: "Примечание" }, f, s), value: bilingualValue(L.tacit, f, s, 9.5) });
  }
  return rows;
}

const rowHeight = (r: Row, s: number) => Math.max(heightOf(r.label), heightOf(r.value)) + 12 * s;

function drawLines(page: PDFPage, lines: Line[], x: number, yTop: number): void {
  let y = yTop;
  for (const l of lines) {
    y -= lh(l);
    page.drawText(l.text, { x: x + (l.indent ?? 0), y: y + l.size * 0.28, size: l.size, font: l.font, color: l.color });
  }
}

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color: RGB): void {
  page.drawText(text, { x: (W - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

/** Letterhead, title, number and (for a duplicate or a draft) the mark. Returns the y where the table starts. */
function drawHeader(page: PDFPage, input: TLicencePdfInput, f: Fonts): number {
  let y = H - 62;
  centred(page, `${L.country.kk}  ·  ${L.country.ru}`, f.bold, 8.5, y, BRAND);
  y -= 16;
  for (const [text, font, size, color] of [
    [input.organisation.name.kk, f.bold, 9.5, INK],
    [input.organisation.name.ru, f.regular, 9, MUTED],
  ] as const) {
    for (const line of wrapText(text, font, size, RIGHT - LEFT - 40)) {
      centred(page, line, font, size, y, color);
      y -= size * 1.3;
    }
  }
  y -= 4;
  page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness: 1.6, color: BRAND });
  page.drawLine({ start: { x: LEFT, y: y - 3 }, end: { x: RIGHT, y: y - 3 }, thickness: 0.8, color: GOLD });
  y -= 38;
  const title = DOC_TITLE[input.service.kind];
  if (title.kk === title.ru) {
    centred(page, title.kk, f.bold, 26, y, BRAND);
  } else {
    centred(page, `${title.kk} / ${title.ru}`, f.bold, title.kk.length + title.ru.length > 24 ? 17 : 22, y, BRAND);
  }
  y -= 26;
  centred(page, `№ ${input.licence.number}`, f.bold, 15, y, INK);
  y -= 14;
  const framed = input.draft
    ? { mark: `${L.draft.kk} / ${L.draft.ru}`, sub: `${L.draftNote.kk} / ${L.draftNote.ru}` }
    : input.duplicate
      ? { mark: `${L.duplicate.kk} / ${L.duplicate.ru}`, sub: input.duplicateIssuedAt ? `${L.duplicateIssued.kk} / ${L.duplicateIssued.ru}: ${docDate(input.duplicateIssuedAt)}` : "" }
      : null;
  if (framed) {
    const { mark, sub } = framed;
    const wBox = Math.max(f.bold.widthOfTextAtSize(mark, 14), f.regular.widthOfTextAtSize(sub, 8)) + 28;
    const hBox = sub ? 38 : 26;
    y -= hBox + 4;
    page.drawRectangle({ x: (W - wBox) / 2, y, width: wBox, height: hBox, borderColor: RED, borderWidth: 1.8, color: rgb(1, 0.96, 0.96) });
    centred(page, mark, f.bold, 14, y + hBox - 19, RED);
    if (sub) centred(page, sub, f.regular, 8, y + 8, RED);
    y -= 6;
  }
  return y - 8;
}

/**
 * The licence as a one-page A4 PDF in Kazakh and Russian: number, holder and BIN/IIN, activity
 * and sub-types, licensor, dates, signer and signing time, the duplicate mark, and a QR code to
 * the public verification page. No State emblem (no outside images). Deterministic: metadata
 * dates come from the input, the producer is fixed, and pdf-lib's name suffixes use a seeded RNG.
 */
export async function renderLicencePdf(input: TLicencePdfInput, opts: { fonts?: TLicencePdfFonts } = {}): Promise<Uint8Array> {
  const { pdf } = await buildLicencePdf(input, opts);
  return pdf.save({ useObjectStreams: false });
}

/**
 * The same document with an empty PAdES signature field over the signature block (lib/trust/pades):
 * the ByteRange is final and /Contents waits for the signer's CMS. Everything printed is final.
 */
export async function renderLicencePdfForSigning(
  input: TLicencePdfInput,
  field: Omit<SignatureFieldOptions, "widgetRect">,
  opts: { fonts?: TLicencePdfFonts } = {},
): Promise<PreparedPdf> {
  const { pdf, page } = await buildLicencePdf(input, opts);
  addSignatureField(pdf, page, { ...field, widgetRect: SIGNATURE_WIDGET_RECT });
  return fixByteRange(await pdf.save({ useObjectStreams: false }));
}

async function buildLicencePdf(input: TLicencePdfInput, opts: { fonts?: TLicencePdfFonts }): Promise<{ pdf: PDFDocument; page: PDFPage }> {
  const fontBytes = opts.fonts ?? loadLicenceFonts();
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const f: Fonts = {
    regular: await pdf.embedFont(fontBytes.regular, { subset: true }),
    bold: await pdf.embedFont(fontBytes.bold, { subset: true }),
  };
  const documentDate = input.duplicate && input.duplicateIssuedAt ? input.duplicateIssuedAt : input.licence.issuedAt;
  const title = DOC_TITLE[input.service.kind];
  const titleMark = input.draft ? ` (${L.draft.ru})` : input.duplicate ? ` (${L.duplicate.ru})` : "";
  pdf.setTitle(`${title.ru} № ${input.licence.number}${titleMark}`, { showInWindowTitleBar: true });
  pdf.setSubject(input.service.title.ru);
  pdf.setAuthor(input.organisation.name.ru);
  pdf.setKeywords([input.licence.number, input.holder.identifier]);
  pdf.setLanguage("kk-KZ");
  pdf.setProducer(LICENCE_PDF_PRODUCER);
  pdf.setCreator(LICENCE_PDF_PRODUCER);
  pdf.setCreationDate(documentDate);
  pdf.setModificationDate(documentDate);

  const page = pdf.addPage([W, H]);
  // Frame of an official form: a heavy outer line and a thin inner one.
  page.drawRectangle({ x: 22, y: 22, width: W - 44, height: H - 44, borderColor: BRAND, borderWidth: 2 });
  page.drawRectangle({ x: 27, y: 27, width: W - 54, height: H - 54, borderColor: BRAND, borderWidth: 0.5 });
  if (input.duplicate || input.draft) {
    // Diagonal watermark centred on the page (rotation is about the start of the baseline).
    const mark = input.draft ? `${L.draft.kk} / ${L.draft.ru}` : `${L.duplicate.kk} / ${L.duplicate.ru}`;
    const a = (30 * Math.PI) / 180;
    const size = Math.min(50, (50 * (W - 150)) / (Math.cos(a) * f.bold.widthOfTextAtSize(mark, 50)));
    const w = f.bold.widthOfTextAtSize(mark, size);
    const x = W / 2 - (Math.cos(a) * w) / 2 + (Math.sin(a) * size * 0.35);
    const y = 400 - (Math.sin(a) * w) / 2 - (Math.cos(a) * size * 0.35);
    page.drawText(mark, { x, y, size, font: f.bold, color: RED, opacity: 0.07, rotate: degrees(30) });
  }

  const tableTop = drawHeader(page, input, f);
  const available = tableTop - BOX_TOP - 14;
  // Long sub-type lists shrink the table until it fits: the licence is always one page.
  let s = 1;
  let rows = buildRows(input, f, s);
  while (rows.reduce((h, r) => h + rowHeight(r, s), 0) > available && s > 0.6) {
    s = Math.round((s - 0.05) * 100) / 100;
    rows = buildRows(input, f, s);
  }
  let y = tableTop;
  page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness: 0.6, color: RULE });
  for (const r of rows) {
    const top = y - 6 * s;
    drawLines(page, r.label, LEFT, top);
    drawLines(page, r.value, VALUE_X, top);
    y -= rowHeight(r, s);
    page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness: 0.6, color: RULE });
  }
  drawSignatureBlock(page, input, f);
  for (const a of input.attachments ?? []) {
    await pdf.attach(a.bytes, a.name, { mimeType: a.mimeType, description: a.description, creationDate: documentDate, modificationDate: documentDate });
  }
  return { pdf, page };
}
