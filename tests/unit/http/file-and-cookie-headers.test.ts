import { describe, expect, it } from "vitest";
import { authCookies, contentDisposition, FILE_CSP, fileHeaders } from "@/lib/platform/http";

describe("fileHeaders (issue 13, F6/F12)", () => {
  it("a stored file is an attachment, sandboxed, nosniff, private and not cached by default", () => {
    const h = fileHeaders({ fileName: "Жарғы.pdf", contentType: "application/pdf", size: 1234, etag: '"abc"' });
    expect(h["Content-Disposition"]).toMatch(/^attachment; filename="_____\.pdf"; filename\*=UTF-8''%D0%96/);
    expect(h["Content-Security-Policy"]).toBe(FILE_CSP);
    expect(FILE_CSP.split("; ")).toEqual(["sandbox", "default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Cache-Control"]).toBe("private, no-store");
    expect(h["Content-Length"]).toBe("1234");
    expect(h.ETag).toBe('"abc"');
  });

  it("inline only when asked (the licence PDF viewer), and still sandboxed", () => {
    const h = fileHeaders({ fileName: "licence.pdf", contentType: "application/pdf", disposition: "inline" });
    expect(h["Content-Disposition"]).toBe(`inline; filename="licence.pdf"; filename*=UTF-8''licence.pdf`);
    expect(h["Content-Security-Policy"]).toBe(FILE_CSP);
  });

  it("a route's extra headers cannot replace the security headers", () => {
    const h = fileHeaders({
      fileName: "x.html",
      contentType: "text/plain",
      cacheControl: "public, max-age=60",
      extra: { "Content-Security-Policy": "script-src *", "X-Content-Type-Options": "", "Content-Disposition": "inline", "Last-Modified": "Mon, 07 Dec 2026 10:00:00 GMT" },
    });
    expect(h["Content-Security-Policy"]).toBe(FILE_CSP);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Disposition"]).toMatch(/^attachment;/);
    expect(h["Cache-Control"]).toBe("public, max-age=60");
    expect(h["Last-Modified"]).toBe("Mon, 07 Dec 2026 10:00:00 GMT");
  });

  it("no header injection from a file name", () => {
    const d = contentDisposition('a"\r\nSet-Cookie: x=1\\.pdf', "attachment");
    expect(d).not.toMatch(/[\r\n]/);
    expect(d).toBe(`attachment; filename="a_Set-Cookie: x=1_.pdf"; filename*=UTF-8''a%22Set-Cookie%3A%20x%3D1%5C.pdf`);
    expect(contentDisposition("", "attachment")).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
  });
});

describe("authCookies", () => {
  it("behind HTTPS: __Host- prefixed, Secure, HttpOnly, Path=/, no Domain", () => {
    const c = authCookies(true)!;
    for (const cookie of [c.sessionToken, c.callbackUrl, c.csrfToken]) {
      expect(cookie.name.startsWith("__Host-next-auth.")).toBe(true);
      expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
    expect(c.sessionToken.name).toBe("__Host-next-auth.session-token");
  });

  it("over plain http: next-auth's defaults (so the e2e suite over http keeps working)", () => {
    expect(authCookies(false)).toBeUndefined();
  });
});
