/**
 * lib/cases/signed-packages — a signed request or decision as one `.p7s` (CMS with the content
 * inside) that standard tools verify with the published CA chain. Separate from licence-signing:
 * it reads the application and officer-action modules, which themselves use licence-signing.
 */
export { getSignedPackage } from "./get-signed-package";
