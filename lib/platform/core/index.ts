export { DomainError, isDomainError } from "./domain-error";
export { systemClock, fixedClock, type Clock } from "./clock";
export { isValidIin, isValidBin, isValidIdentifier, identifierChecksum, parseIin } from "./iin-bin";
export { ZIin, ZBin, ZIdentifier } from "./iin-bin-schema";
export { parseDataFile, formatPath, deepFreeze } from "./parse-data-file";
