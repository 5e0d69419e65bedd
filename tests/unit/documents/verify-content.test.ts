import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { jpegDimensions, pngDimensions, verifyDocumentContent } from "@/lib/cases/documents";
import { jpegBytes, pdfBytes, pngBytes } from "../../factories/documents";

// Issue 13 F12: an upload was judged by its first bytes only; a "%PDF-" file carrying HTML was stored.
const enc = new TextEncoder();
const code = async (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("upload content is verified, not just sniffed", () => {
  it("real files pass: a pdf-lib PDF, the factories' PDF, PNG and JPEG", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(await code(verifyDocumentContent("application/pdf", await doc.save()))).toBe("ok");
    expect(await code(verifyDocumentContent("application/pdf", pdfBytes("x")))).toBe("ok");
    expect(await code(verifyDocumentContent("image/png", pngBytes()))).toBe("ok");
    expect(await code(verifyDocumentContent("image/jpeg", jpegBytes()))).toBe("ok");
    expect(pngDimensions(pngBytes())).toEqual({ width: 1, height: 1 });
    expect(jpegDimensions(jpegBytes())).toEqual({ width: 1, height: 1 });
  });

  it("a file that starts with %PDF- but carries HTML/JS is refused: documents.unreadable", async () => {
    expect(await code(verifyDocumentContent("application/pdf", enc.encode("%PDF-1.4\n<html><script>alert(document.cookie)</script></html>")))).toBe("documents.unreadable");
    expect(await code(verifyDocumentContent("application/pdf", enc.encode(`%PDF-1.4\n%%EOF`)))).toBe("documents.unreadable");
    // A polyglot: a loadable PDF with markup a browser would sniff as HTML.
    const polyglot = new Uint8Array([...enc.encode("%PDF-1.4\n% <html><body><script>alert(1)</script>\n"), ...pdfBytes().subarray(9)]);
    expect(await code(verifyDocumentContent("application/pdf", polyglot))).toBe("documents.unreadable");
  });

  it("images with only the magic bytes, a broken CRC, no frame header or absurd dimensions are refused", async () => {
    const png = pngBytes();
    expect(await code(verifyDocumentContent("image/png", png.subarray(0, 16)))).toBe("documents.unreadable");
    const badCrc = png.slice();
    badCrc[29] = badCrc[29]! ^ 0xff;
    expect(await code(verifyDocumentContent("image/png", badCrc))).toBe("documents.unreadable");
    expect(await code(verifyDocumentContent("image/jpeg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9])))).toBe("documents.unreadable");
    expect(await code(verifyDocumentContent("image/jpeg", new Uint8Array([0xff, 0xd8, 0xff, 0x3c, 0x68, 0x74, 0x6d, 0x6c])))).toBe("documents.unreadable");
    const huge = jpegBytes().slice();
    huge[25] = 0xff; // height 0xff01 = 65281 px
    expect(await code(verifyDocumentContent("image/jpeg", huge))).toBe("documents.unreadable");
  });
});
