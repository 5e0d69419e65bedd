/** Text of an official document: both state and official languages are printed. */
export type TBilingual = { kk: string; ru: string };

export type TDocumentKind = "licence" | "permit" | "certificate" | "conclusion" | "registration";

/**
 * Everything printed on the licence. The renderer reads nothing else (no clock, no files but its
 * fonts), so the same input always gives the same bytes.
 */
export type TLicencePdfInput = {
  licence: {
    number: string;
    versionNo: number;
    /** Number of the version this one re-issues. */
    previousNumber?: string | null;
    issuedAt: Date;
    validFrom: Date;
    /** Null: without a term. */
    validTo: Date | null;
    subtypes: TBilingual[];
    /** Annex numbers `{licence}-{n}` whose sub-types are included. */
    annexNumbers?: string[];
    /** Deemed issued by tacit approval (no officer's signature). */
    tacit: boolean;
  };
  service: { code: string; kind: TDocumentKind; title: TBilingual; activity: TBilingual };
  organisation: { name: TBilingual; address?: TBilingual | null };
  holder: { name: string; identifier: string; kind: "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL"; address?: string | null };
  /** The authorised person who signed with EDS; null for tacit approval. */
  signer: { name: string; position?: string | null } | null;
  signedAt: Date | null;
  /** Public verification page the QR code points to. */
  verifyUrl: string;
  /**
   * The signer's PAdES signature is embedded in the file (signed after rendering): the signing
   * date is printed, the exact time is the signature's.
   */
  signatureEmbedded?: boolean;
  /** A duplicate names the original's signer and signing time (null signer: deemed issued). */
  original?: { signerName: string | null; signedAt: Date | null } | null;
  /** Embedded files (a duplicate carries the original signed PDF). */
  attachments?: { name: string; bytes: Uint8Array; mimeType: string; description: string }[];
  duplicate?: boolean;
  /**
   * A preview of the draft before signing (never issued): a framed `ЖОБА / ПРОЕКТ` mark under the
   * number, a faint diagonal watermark, and the title says so.
   */
  draft?: boolean;
  /** When the duplicate was issued (printed with the mark). */
  duplicateIssuedAt?: Date | null;
};

export type TLicencePdfFonts = { regular: Uint8Array; bold: Uint8Array };
