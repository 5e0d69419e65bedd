import QRCode from "qrcode";
import { rgb, type PDFPage } from "pdf-lib";

/**
 * Draws the QR code as vector squares (no image, so it is sharp at any zoom and the bytes do
 * not depend on an image encoder). Runs of dark modules in a row become one rectangle.
 * `size` includes the 4-module quiet zone the standard asks for.
 */
export function drawQrCode(page: PDFPage, text: string, o: { x: number; y: number; size: number }): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = o.size / (n + 2 * quiet);
  page.drawRectangle({ x: o.x, y: o.y, width: o.size, height: o.size, color: rgb(1, 1, 1) });
  const black = rgb(0, 0, 0);
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      page.drawRectangle({
        x: o.x + (quiet + start) * cell,
        // PDF y grows upwards; QR row 0 is the top row.
        y: o.y + o.size - (quiet + r + 1) * cell,
        width: (c - start) * cell,
        // A hair taller than the cell so adjacent rows do not show seams in some viewers.
        height: cell + 0.05,
        color: black,
      });
    }
  }
}
