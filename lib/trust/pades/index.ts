/**
 * lib/trust/pades — PAdES signature fields in PDFs (Node only): the @signpdf placeholder in a new
 * document or as an incremental update, the byte ranges the browser signs, embedding the CMS,
 * and reading the signatures of an uploaded PDF. No PKI decisions here: lib/trust/pki verifies.
 */
export {
  type ByteRange,
  type PreparedPdf,
  type SignatureFieldOptions,
  PADES_APP_NAME,
  SIGNATURE_BYTES,
  addSignatureField,
  appendSignatureField,
  asciiPdfText,
  byteRangesOf,
  fixByteRange,
} from "./placeholder";
export { embedCms, signedBytes } from "./embed";
export { type PdfSignature, extractPdfSignatures, isPdf } from "./extract";
