export { DomainError, fieldError, isDomainError, classifyError, zodFieldCodes, type TClassifiedError } from "./domain-error";
export { ERROR_STATUS, httpStatusOf, isErrorCode, type ErrorCode } from "./error-codes";
export { systemClock, fixedClock, type Clock } from "./clock";
export { isValidIin, isValidBin, isValidIdentifier, identifierChecksum, parseIin } from "./iin-bin";
export { ZIin, ZBin, ZIdentifier } from "./iin-bin-schema";
export { parseDataFile, formatPath, deepFreeze } from "./parse-data-file";
export { isSafeText, findUnsafeText, assertSafeInput, assertSafeJsonText, ZSafeText, ZSafeInput, ZSafeJsonObject, UNSAFE_TEXT_CODE } from "./safe-text";
export { ZIsoDate, ZKeysetCursor, parseKeysetCursor, isDateInRange, MIN_ISO_DATE, MAX_ISO_DATE, type TCursorId } from "./bounds";
