export { listPscQueue, handOverAtPsc, returnToProvider, pscDeliveryDeadline, type TPscQueue, type TPscResultRow } from "./psc-results";
export { ZPscHandOverInput, ZPscReturnInput } from "./schemas";
