import { describe, expect, it } from "vitest";
import { detectDocumentType, sniffType } from "@/lib/cases/documents";

const enc = new TextEncoder();
const PDF = enc.encode("%PDF-1.4\n%âãÏÓ\n");
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const GIF = enc.encode("GIF89a....");
const ZIP_DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const HTML = enc.encode("<!doctype html><script>alert(1)</script>");

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe("sniffType (magic bytes)", () => {
  it("recognises PDF, JPEG and PNG by their first bytes", () => {
    expect(sniffType(PDF)).toBe("application/pdf");
    expect(sniffType(JPEG)).toBe("image/jpeg");
    expect(sniffType(PNG)).toBe("image/png");
  });

  it("knows nothing else, including truncated signatures and look-alikes", () => {
    expect(sniffType(GIF)).toBeNull();
    expect(sniffType(ZIP_DOCX)).toBeNull();
    expect(sniffType(HTML)).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(enc.encode("%PDF"))).toBeNull(); // no dash: not the header
    expect(sniffType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffType(PNG.slice(0, 7))).toBeNull();
    expect(sniffType(enc.encode(" %PDF-1.4"))).toBeNull(); // only at offset 0
  });
});

describe("detectDocumentType (content against name and declared type)", () => {
  it("accepts files whose extension and declared type agree with the content", () => {
    expect(detectDocumentType({ bytes: PDF, fileName: "Жарғы.pdf", declaredType: "application/pdf" })).toBe("application/pdf");
    expect(detectDocumentType({ bytes: JPEG, fileName: "scan.JPEG", declaredType: "image/jpeg" })).toBe("image/jpeg");
    expect(detectDocumentType({ bytes: JPEG, fileName: "scan.jpg", declaredType: "image/pjpeg" })).toBe("image/jpeg");
    expect(detectDocumentType({ bytes: PNG, fileName: "photo.png", declaredType: "image/png; charset=binary" })).toBe("image/png");
  });

  it("ignores an uninformative declared type and a missing extension", () => {
    expect(detectDocumentType({ bytes: PDF, fileName: "document.pdf", declaredType: "application/octet-stream" })).toBe("application/pdf");
    expect(detectDocumentType({ bytes: PDF, fileName: "document.pdf", declaredType: "" })).toBe("application/pdf");
    expect(detectDocumentType({ bytes: PNG, fileName: "no-extension" })).toBe("image/png");
  });

  it("refuses content that is not PDF/JPEG/PNG whatever the name says", () => {
    expect(code(() => detectDocumentType({ bytes: ZIP_DOCX, fileName: "charter.docx" }))).toBe("documents.unsupported_type");
    expect(code(() => detectDocumentType({ bytes: HTML, fileName: "charter.pdf", declaredType: "application/pdf" }))).toBe("documents.unsupported_type");
    expect(code(() => detectDocumentType({ bytes: GIF, fileName: "x.gif" }))).toBe("documents.unsupported_type");
  });

  it("refuses mislabelled files: a JPEG named .pdf, a PDF named .png, a PDF named .exe", () => {
    expect(code(() => detectDocumentType({ bytes: JPEG, fileName: "scan.pdf" }))).toBe("documents.mislabelled");
    expect(code(() => detectDocumentType({ bytes: PDF, fileName: "photo.png" }))).toBe("documents.mislabelled");
    expect(code(() => detectDocumentType({ bytes: PDF, fileName: "setup.exe" }))).toBe("documents.mislabelled");
  });

  it("refuses a declared MIME type that contradicts the content", () => {
    expect(code(() => detectDocumentType({ bytes: PNG, fileName: "photo", declaredType: "image/jpeg" }))).toBe("documents.mislabelled");
    expect(code(() => detectDocumentType({ bytes: PDF, fileName: "a.pdf", declaredType: "text/html" }))).toBe("documents.mislabelled");
  });
});
