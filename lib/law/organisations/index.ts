export {
  ZI18nText,
  ZSourceRef,
  ZOrganisation,
  ZOrganisationsFile,
  ZDaySchedule,
  ZClockTime,
  minutesOfDay,
  type TOrganisation,
  type TOrganisationsFile,
  type TDaySchedule,
  type TClockTime,
  type TI18nText,
} from "./schema";
export {
  getOrganisations,
  getOrganisation,
  organisationsForService,
  getPublicServiceCentres,
  pscsForService,
  parseOrganisations,
  ORGANISATIONS_FILE,
} from "./load-organisations";
export { isOpenAt } from "./opening-hours";
