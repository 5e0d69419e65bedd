import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { renderLicencePdf, renderLicencePdfForSigning, type TLicencePdfInput } from "@/lib/cases/licence-pdf";
import { appendSignatureField, asciiPdfText, embedCms, extractPdfSignatures, signedBytes } from "@/lib/trust/pades";
import { RevocationSet, TrustStore, attachContent, decodeCms, openPkcs12, parseCrl, signDetached, verifyDetached } from "@/lib/trust/pki/server";
import { NOW, PASSWORD, keyPool, legalEntity, sandbox } from "./fixtures";

const SAMPLE: TLicencePdfInput = {
  licence: { number: "KZ2615000004211", versionNo: 1, issuedAt: NOW, validFrom: NOW, validTo: null, subtypes: [{ kk: "Қара металл сынықтарын жинау", ru: "Сбор лома черных металлов" }], tacit: false },
  service: { code: "scrap-metal-licence", kind: "licence", title: { kk: "Лицензия", ru: "Лицензия" }, activity: { kk: "Металл сынықтары", ru: "Лом металлов" } },
  organisation: { name: { kk: "Кәсіпкерлік басқармасы", ru: "Управление предпринимательства" } },
  holder: { name: "«Каспий Вторчермет» ЖШС", identifier: "110740000007", kind: "LEGAL_ENTITY" },
  signer: { name: "ОФИЦЕРОВА АЙГҮЛ" },
  signedAt: NOW,
  verifyUrl: "https://elicense.example.kz/verify/KZ2615000004211",
};

let key: ReturnType<typeof openPkcs12>;
let trustStore: TrustStore;
let revocations: RevocationSet;

beforeAll(async () => {
  const s = await sandbox(keyPool(3));
  trustStore = s.trustStore;
  const pair = await s.ca.issuePair(legalEntity(1, "first_head"));
  key = openPkcs12(pair.signing.pkcs12, PASSWORD);
  revocations = RevocationSet.fromCrls([parseCrl(await s.ca.getCrl(NOW), trustStore, NOW)]);
}, 60_000);

const sign = (content: Uint8Array) => signDetached({ ...key, content, signingTime: NOW });
const verify = (cms: Uint8Array, content: Uint8Array) => verifyDetached({ cms, content, trustStore, revocations, now: NOW });
const field = { name: "ОФИЦЕРОВА АЙГҮЛ", reason: "Licence", location: "Astana", signingTime: NOW };

describe("CMS for PAdES", () => {
  it("carries ESS signing-certificate-v2 with the signer certificate's SHA-256", () => {
    const d = decodeCms(sign(new Uint8Array([1, 2, 3])));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const expected = createHash("sha256").update(key.certificateDer).digest();
    expect(Buffer.from(d.cms.signingCertificate!.hash).equals(expected)).toBe(true);
  });

  it("attaching the content keeps the signature valid; other content is a mismatch", async () => {
    const content = new TextEncoder().encode('{"type":"licensing_decision"}');
    const attached = attachContent(sign(content), content);
    const d = decodeCms(attached);
    expect(d.ok && Buffer.from(d.cms.eContent!).equals(Buffer.from(content))).toBe(true);
    expect((await verify(attached, content)).status).toBe("valid");
    expect((await verify(attached, new TextEncoder().encode("other"))).status).toBe("content_mismatch");
    expect(() => attachContent(attached, content)).toThrow("pki.invalid_request");
  });
});

describe("licence PDF with a PAdES signature field", () => {
  it("the browser's CMS over the byte ranges, embedded, is found again and verifies; a changed byte does not", async () => {
    const prepared = await renderLicencePdfForSigning({ ...SAMPLE, signatureEmbedded: true }, field);
    const pdf = embedCms(prepared, sign(signedBytes(prepared.pdf, prepared.byteRange)));
    expect(pdf.length).toBe(prepared.pdf.length); // only the zero-filled /Contents changed
    const [sig, ...rest] = extractPdfSignatures(pdf);
    expect(rest).toHaveLength(0);
    expect(sig!.coversWholeFile).toBe(true);
    expect((await verify(sig!.cms!, sig!.content)).status).toBe("valid");
    const changed = pdf.slice();
    changed[100] = changed[100]! ^ 1;
    const again = extractPdfSignatures(changed)[0]!;
    expect((await verify(again.cms!, again.content)).status).toBe("content_mismatch");
  });

  it("a signature too large for the field is refused, not truncated", async () => {
    const prepared = await renderLicencePdfForSigning(SAMPLE, field);
    expect(() => embedCms(prepared, new Uint8Array(20_000).fill(0x30))).toThrow("pades.signature_too_large");
  });

  it("a later signature is an incremental update: the earlier revision stays byte for byte, the new one covers the file", async () => {
    const rev1 = await renderLicencePdf({ ...SAMPLE, signer: null, signedAt: null, licence: { ...SAMPLE.licence, tacit: true } });
    expect(extractPdfSignatures(rev1)).toHaveLength(0);
    const prepared = await appendSignatureField(rev1, field);
    const rev2 = embedCms(prepared, sign(signedBytes(prepared.pdf, prepared.byteRange)));
    expect(Buffer.from(rev2.subarray(0, rev1.length - 1)).equals(Buffer.from(rev1.subarray(0, rev1.length - 1)))).toBe(true);
    const [sig] = extractPdfSignatures(rev2);
    expect(sig!.coversWholeFile).toBe(true);
    expect((await verify(sig!.cms!, sig!.content)).status).toBe("valid");
  });

  it("writes the signature dictionary's text in ASCII (Kazakh and Russian letters transliterated)", () => {
    expect(asciiPdfText("ЖАҢАБЕРГЕНОВ Арман «Қазақ» (test)")).toBe('ZhANABERGENOV Arman "Qazaq" test');
  });
});
