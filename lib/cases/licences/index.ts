export {
  LICENCE_NUMBER_RE,
  LICENCE_NUMBER_LENGTH,
  MAX_SEQUENCE,
  ANNEX_NUMBER_RE,
  mod97CheckDigits,
  formatLicenceNumber,
  isValidLicenceNumber,
  parseLicenceNumber,
  normaliseLicenceNumber,
  licenceCounterKey,
  generateLicenceNumber,
  annexNumber,
  parseAnnexNumber,
  nextAnnexNumber,
  type TParsedLicenceNumber,
} from "./licence-number";
export { REGION_CODES, COMMITTEE_REGION_CODE, UNKNOWN_REGION_CODE, regionCodeFor, regionOfCode } from "./region-codes";
export {
  LICENCE_STATUSES,
  LICENCE_TRANSITIONS,
  MANUAL_LICENCE_ACTIONS,
  BASE_STATUS_FOR_VARIANT,
  canTransition,
  nextLicenceStatus,
  availableLicenceActions,
  type TLicenceAction,
  type TManualLicenceAction,
} from "./status-transitions";
export { issueLicence, checkedSubtypes as subtypesInCatalogueOrder, ZIssueLicenceInput, type TIssueLicenceInput, type TIssueLicenceResult } from "./issue-licence";
export {
  suspendLicence,
  resumeLicence,
  terminateLicence,
  ZSuspendLicenceInput,
  ZResumeLicenceInput,
  ZTerminateLicenceInput,
  type TSuspendLicenceInput,
  type TResumeLicenceInput,
  type TTerminateLicenceInput,
  type TLifecycleCtx,
  type TLifecycleResult,
} from "./lifecycle";
export { listLicences, getLicenceForActor, licenceReadScope, ZLicenceListQuery, LICENCE_PAGE_SIZE, type TLicenceListQuery, type LicenceListRow, type LicenceDetail } from "./queries";
export { getPublicLicenceStatus, type TPublicLicence, type TPublicQuery } from "./public-status";
export {
  getLicenceDocument,
  getLicenceSignatureFile,
  licenceVerifyUrl,
  licencePdfInput,
  loadLicenceRecord,
  recordFacts,
  type TLicenceRecord,
} from "./licence-document";
export { activityText, serviceTitle, serviceShortTitle, subtypeLabel, type TI18nText } from "./catalogue-text";
export { LICENCE_ERROR_CODES, type TLicenceErrorCode } from "./errors";
