// The regulation data files, imported statically so the bundler ships them and nothing reads the
// file system at run time. A unit test checks this list matches lib/law/regulations/data/*.json.
import type { TDataFile } from "./load-regulations";
import aktobe2014Scrap from "./data/aktobe-2014-scrap.json";
import atyrau2014Scrap from "./data/atyrau-2014-scrap.json";
import defaultArmsMilitaryEquipmentLicence from "./data/default-arms-military-equipment-licence.json";
import defaultChemicalProductRegistration from "./data/default-chemical-product-registration.json";
import defaultExplosivesPyrotechnicsLicence from "./data/default-explosives-pyrotechnics-licence.json";
import defaultExportControlTransitPermit from "./data/default-export-control-transit-permit.json";
import defaultExportImportLicence from "./data/default-export-import-licence.json";
import defaultGrainWarehouseReceiptsLicence from "./data/default-grain-warehouse-receipts-licence.json";
import defaultMiningChemicalProductionLicence from "./data/default-mining-chemical-production-licence.json";
import defaultMunitionsDisposalLicence from "./data/default-munitions-disposal-licence.json";
import defaultPoisonsLicence from "./data/default-poisons-licence.json";
import defaultPreciousMetalsExtractionFeasibilityConclusion from "./data/default-precious-metals-extraction-feasibility-conclusion.json";
import defaultPreciousMetalsSpecialRegistrationCertificate from "./data/default-precious-metals-special-registration-certificate.json";
import defaultPreciousRawProcessingInexpediencyConclusion from "./data/default-precious-raw-processing-inexpediency-conclusion.json";
import defaultProcessingOutsideRkPermit from "./data/default-processing-outside-rk-permit.json";
import defaultScrapMetalLicence from "./data/default-scrap-metal-licence.json";
import eastKazakhstan2014Grain from "./data/east-kazakhstan-2014-grain.json";
import westKazakhstan2013Scrap from "./data/west-kazakhstan-2013-scrap.json";

export const REGULATION_DATA_FILES: readonly TDataFile[] = [
  { file: "lib/law/regulations/data/aktobe-2014-scrap.json", data: aktobe2014Scrap },
  { file: "lib/law/regulations/data/atyrau-2014-scrap.json", data: atyrau2014Scrap },
  { file: "lib/law/regulations/data/default-arms-military-equipment-licence.json", data: defaultArmsMilitaryEquipmentLicence },
  { file: "lib/law/regulations/data/default-chemical-product-registration.json", data: defaultChemicalProductRegistration },
  { file: "lib/law/regulations/data/default-explosives-pyrotechnics-licence.json", data: defaultExplosivesPyrotechnicsLicence },
  { file: "lib/law/regulations/data/default-export-control-transit-permit.json", data: defaultExportControlTransitPermit },
  { file: "lib/law/regulations/data/default-export-import-licence.json", data: defaultExportImportLicence },
  { file: "lib/law/regulations/data/default-grain-warehouse-receipts-licence.json", data: defaultGrainWarehouseReceiptsLicence },
  { file: "lib/law/regulations/data/default-mining-chemical-production-licence.json", data: defaultMiningChemicalProductionLicence },
  { file: "lib/law/regulations/data/default-munitions-disposal-licence.json", data: defaultMunitionsDisposalLicence },
  { file: "lib/law/regulations/data/default-poisons-licence.json", data: defaultPoisonsLicence },
  { file: "lib/law/regulations/data/default-precious-metals-extraction-feasibility-conclusion.json", data: defaultPreciousMetalsExtractionFeasibilityConclusion },
  { file: "lib/law/regulations/data/default-precious-metals-special-registration-certificate.json", data: defaultPreciousMetalsSpecialRegistrationCertificate },
  { file: "lib/law/regulations/data/default-precious-raw-processing-inexpediency-conclusion.json", data: defaultPreciousRawProcessingInexpediencyConclusion },
  { file: "lib/law/regulations/data/default-processing-outside-rk-permit.json", data: defaultProcessingOutsideRkPermit },
  { file: "lib/law/regulations/data/default-scrap-metal-licence.json", data: defaultScrapMetalLicence },
  { file: "lib/law/regulations/data/east-kazakhstan-2014-grain.json", data: eastKazakhstan2014Grain },
  { file: "lib/law/regulations/data/west-kazakhstan-2013-scrap.json", data: westKazakhstan2013Scrap },
];
