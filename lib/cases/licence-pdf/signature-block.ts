import { rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { docDate, docDateTime } from "./fonts";
import { L } from "./labels";
import { BOX_BOTTOM, BOX_TOP, BRAND, INK, LEFT, MUTED, RIGHT } from "./page-geometry";
import { drawQrCode } from "./qr";
import { wrapText } from "./text-layout";
import type { TLicencePdfInput } from "./types";

type Fonts = { regular: PDFFont; bold: PDFFont };

/**
 * The framed block at the foot of the page: who signed (or that the licence is deemed issued),
 * the original's signer on a duplicate, the QR code and the URL of the public check (not on a
 * draft), and the legal note. A document with an embedded PAdES signature prints the signing date only: the
 * exact time is in the signature itself, which is made after the document is rendered.
 */
export function drawSignatureBlock(page: PDFPage, input: TLicencePdfInput, f: Fonts): void {
  const boxBottom = BOX_BOTTOM;
  const qrSize = 104;
  page.drawRectangle({ x: LEFT, y: boxBottom, width: RIGHT - LEFT, height: BOX_TOP - boxBottom, borderColor: BRAND, borderWidth: 0.9, color: rgb(0.97, 0.985, 0.99) });
  const qrX = RIGHT - qrSize - 10;
  // A draft has nothing to verify yet: no QR code and no verification address.
  if (!input.draft) {
    drawQrCode(page, input.verifyUrl, { x: qrX, y: BOX_TOP - qrSize - 8, size: qrSize });
    let cy = BOX_TOP - qrSize - 18;
    for (const line of wrapText(`${L.verify.kk} / ${L.verify.ru}`, f.regular, 6.5, qrSize + 2)) {
      page.drawText(line, { x: qrX, y: cy, size: 6.5, font: f.regular, color: MUTED });
      cy -= 8;
    }
  }

  const textW = qrX - LEFT - 28;
  const x = LEFT + 14;
  let y = BOX_TOP - 22;
  const put = (text: string, font: PDFFont, size: number, color: RGB) => {
    for (const line of wrapText(text, font, size, textW)) {
      page.drawText(line, { x, y, size, font, color });
      y -= size * 1.32;
    }
  };
  if (input.signer && input.signedAt) {
    put(`${L.signedBy.kk} / ${L.signedBy.ru}`, f.bold, 9, BRAND);
    y -= 4;
    put(input.signer.name, f.bold, 12, INK);
    if (input.signer.position) put(input.signer.position, f.regular, 9, MUTED);
    y -= 4;
    if (input.signatureEmbedded) {
      put(`${L.signingDate.kk} / ${L.signingDate.ru}: ${docDate(input.signedAt)}`, f.bold, 9.5, INK);
      put(`${L.embedded.kk} / ${L.embedded.ru}`, f.regular, 7.5, MUTED);
    } else {
      put(`${L.signingTime.kk} / ${L.signingTime.ru}:`, f.regular, 8.5, MUTED);
      put(`${docDateTime(input.signedAt)} (${L.astanaTime.kk} / ${L.astanaTime.ru})`, f.bold, 10, INK);
    }
  } else {
    // Tacit approval: the reason is printed in the table ("Ескерту / Примечание").
    put(`${L.noSignature.kk} / ${L.noSignature.ru}`, f.bold, 9, BRAND);
  }
  if (input.original) {
    y -= 4;
    const when = input.original.signedAt ? `, ${docDateTime(input.original.signedAt)}` : "";
    put(`${L.originalSigned.kk} / ${L.originalSigned.ru}: ${input.original.signerName ?? `${L.noSignature.kk} / ${L.noSignature.ru}`}${when}`, f.regular, 7.5, MUTED);
  }
  y = boxBottom + 12;
  for (const line of input.draft ? [] : wrapText(input.verifyUrl, f.regular, 7, textW).reverse()) {
    page.drawText(line, { x, y, size: 7, font: f.regular, color: BRAND });
    y += 9;
  }

  let fy = boxBottom - 12;
  for (const text of [L.legalNote.kk, L.legalNote.ru]) {
    for (const line of wrapText(text, f.regular, 6.5, RIGHT - LEFT)) {
      page.drawText(line, { x: LEFT, y: fy, size: 6.5, font: f.regular, color: MUTED });
      fy -= 8.2;
    }
  }
}
