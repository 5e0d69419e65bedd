export { renderLicencePdf, renderLicencePdfForSigning, LICENCE_PDF_PRODUCER } from "./render-licence-pdf";
export { loadLicenceFonts, docDate, docDateTime } from "./fonts";
export { DOC_TITLE } from "./labels";
export type { TLicencePdfInput, TLicencePdfFonts, TBilingual, TDocumentKind } from "./types";
