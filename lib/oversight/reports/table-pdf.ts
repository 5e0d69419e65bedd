import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/**
 * A printable table report (A4 landscape) in DejaVu Sans, shipped in lib/oversight/reports/fonts with its
 * licence: it covers Kazakh (ә ғ қ ң ө ұ ү һ і) and Russian. `REPORTS_FONT_DIR` overrides the folder.
 */
export type TPdfColumn = { label: string; /** share of the table width */ width: number; align?: "left" | "right" };
export type TPdfSection = { heading: string; note?: string; columns: TPdfColumn[]; rows: string[][] };
export type TTablePdfInput = { title: string; lines: string[]; sections: TPdfSection[]; footer: string };

let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function loadFonts() {
  if (fonts) return fonts;
  const dir = process.env.REPORTS_FONT_DIR ?? path.join(process.cwd(), "lib", "oversight", "reports", "fonts");
  fonts = { regular: new Uint8Array(readFileSync(path.join(dir, "DejaVuSans.ttf"))), bold: new Uint8Array(readFileSync(path.join(dir, "DejaVuSans-Bold.ttf"))) };
  return fonts;
}

const PAGE = { w: 841.89, h: 595.28 };
const MARGIN = 36;
const SIZE = 8.5;
const LINE = 11;
const PAD = 3;

/** Greedy word wrap; a word longer than the width is cut by characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = "";
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out.length ? out : [""];
}

export async function renderTablePdf(input: TTablePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const f = loadFonts();
  const regular = await doc.embedFont(f.regular, { subset: true });
  const bold = await doc.embedFont(f.bold, { subset: true });
  doc.setTitle(input.title);
  doc.setProducer("e-licensing portal (pdf-lib)");
  const tableWidth = PAGE.w - 2 * MARGIN;
  let page: PDFPage = doc.addPage([PAGE.w, PAGE.h]);
  let y = PAGE.h - MARGIN;
  const newPage = () => {
    page = doc.addPage([PAGE.w, PAGE.h]);
    y = PAGE.h - MARGIN;
  };
  const text = (s: string, x: number, font: PDFFont, size: number) => page.drawText(s, { x, y, size, font, color: rgb(0.1, 0.1, 0.15) });

  for (const l of wrapText(input.title, bold, 14, tableWidth)) {
    y -= 16;
    text(l, MARGIN, bold, 14);
  }
  for (const l of input.lines.flatMap((x) => wrapText(x, regular, 9.5, tableWidth))) {
    y -= 13;
    text(l, MARGIN, regular, 9.5);
  }
  y -= 6;

  for (const section of input.sections) {
    const widths = section.columns.map((c) => c.width * tableWidth);
    const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
      const wrapped = cells.map((c, i) => wrapText(c, font, SIZE, widths[i]! - 2 * PAD));
      const height = Math.max(...wrapped.map((w) => w.length)) * LINE + 2 * PAD;
      if (y - height < MARGIN + 14) {
        newPage();
        if (!shade) drawRow(section.columns.map((c) => c.label), bold, true);
      }
      let x = MARGIN;
      if (shade) page.drawRectangle({ x: MARGIN, y: y - height, width: tableWidth, height, color: rgb(0.9, 0.92, 0.96) });
      wrapped.forEach((lines, i) => {
        const w = widths[i]!;
        lines.forEach((l, k) => {
          const tw = font.widthOfTextAtSize(l, SIZE);
          const tx = section.columns[i]!.align === "right" ? x + w - PAD - tw : x + PAD;
          page.drawText(l, { x: tx, y: y - PAD - (k + 1) * LINE + 2.5, size: SIZE, font, color: rgb(0.1, 0.1, 0.15) });
        });
        x += w;
      });
      y -= height;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + tableWidth, y }, thickness: 0.4, color: rgb(0.7, 0.7, 0.75) });
    };
    if (y - 60 < MARGIN) newPage();
    y -= 18;
    text(section.heading, MARGIN, bold, 11);
    if (section.note) {
      for (const l of wrapText(section.note, regular, 8.5, tableWidth)) {
        y -= 11;
        text(l, MARGIN, regular, 8.5);
      }
    }
    y -= 6;
    drawRow(section.columns.map((c) => c.label), bold, true);
    for (const r of section.rows) drawRow(r, regular, false);
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    p.drawText(`${input.footer} · ${i + 1} / ${pages.length}`, { x: MARGIN, y: MARGIN / 2, size: 7.5, font: regular, color: rgb(0.35, 0.35, 0.4) });
  });
  return doc.save();
}
