import { describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition, DEFAULT_UPLOAD_MAX_BYTES, uploadMaxBytes } from "@/lib/cases/documents";

describe("cleanFileName", () => {
  it("keeps only the last path segment and drops control and bidi characters", () => {
    expect(cleanFileName("C:\\Users\\Айгүл\\Жарғы.pdf")).toBe("Жарғы.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(cleanFileName("a\u0000b\n.pdf")).toBe("ab.pdf");
    expect(cleanFileName("..")).toBe("file");
    expect(cleanFileName("   ")).toBe("file");
  });

  it("shortens very long names to 200 characters and keeps the extension", () => {
    const name = cleanFileName(`${"ә".repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("contentDisposition (RFC 6266 / RFC 5987)", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("Жарғы (көшірме).pdf", "attachment")).toBe(
      `attachment; filename="_____ (_______).pdf"; filename*=UTF-8''%D0%96%D0%B0%D1%80%D2%93%D1%8B%20%28%D0%BA%D3%A9%D1%88%D1%96%D1%80%D0%BC%D0%B5%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.pdf', "inline")).toBe(`inline; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});

describe("uploadMaxBytes", () => {
  it("defaults to 10 MiB and reads UPLOAD_MAX_BYTES", () => {
    expect(uploadMaxBytes({})).toBe(DEFAULT_UPLOAD_MAX_BYTES);
    expect(DEFAULT_UPLOAD_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(uploadMaxBytes({ UPLOAD_MAX_BYTES: "2048" })).toBe(2048);
    expect(uploadMaxBytes({ UPLOAD_MAX_BYTES: " " })).toBe(DEFAULT_UPLOAD_MAX_BYTES);
  });

  it("fails loudly on a malformed value", () => {
    expect(() => uploadMaxBytes({ UPLOAD_MAX_BYTES: "10MB" })).toThrow(/UPLOAD_MAX_BYTES/);
    expect(() => uploadMaxBytes({ UPLOAD_MAX_BYTES: "0" })).toThrow(/UPLOAD_MAX_BYTES/);
  });
});
