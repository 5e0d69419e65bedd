export { type FileStorage, newStorageKey, isStorageKey } from "./storage";
export { LocalFileStorage, uploadDir, DEFAULT_UPLOAD_DIR } from "./local-storage";
export { S3FileStorage, type TS3StorageConfig } from "./s3-storage";
export { fileStorageConfig, createFileStorage, getFileStorage, type TFileStorageConfig } from "./storage-config";
export { StorageIntegrityError, verifyingTransform, sha256Hex, type TStoredObject } from "./integrity";
export { sniffType, detectDocumentType, ACCEPTED_TYPES, EXTENSIONS, ACCEPT_ATTRIBUTE, type TAcceptedType } from "./sniff-type";
export { cleanFileName } from "./file-name";
// The one Content-Disposition builder (RFC 6266 / RFC 5987) is the platform's, with the file headers.
export { contentDisposition } from "@/lib/platform/http";
export { verifyDocumentContent, pngDimensions, jpegDimensions, MAX_IMAGE_SIDE } from "./verify-content";
export { uploadMaxBytes, DEFAULT_UPLOAD_MAX_BYTES, MAX_FILES_PER_SLOT } from "./limits";
export { type TDocumentView, documentViewSelect } from "./document-view";
export { slotsForApplication, assertMayEditDocuments } from "./application-access";
export { attachDocument, type TAttachDocumentInput } from "./attach-document";
export { removeDocument, type TRemoveDocumentInput } from "./remove-document";
export { readDocument, type TReadDocumentInput } from "./read-document";
export { listDocuments } from "./list-documents";
export { missingRequiredSlots } from "./missing-documents";
export { migrateFiles, type TMigrateFilesReport } from "./migrate-files";
