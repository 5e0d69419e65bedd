export { buildCsp, cspDirectives, newNonce, nonceOf, type TCspOptions } from "./csp";
export { HSTS, deploymentFromEnv, isHttpsDeployment, pageHeaders, transportHeaders, type TDeployment } from "./security-headers";
export { FILE_CSP, contentDisposition, fileHeaders, fileResponse, type TFileHeaders } from "./file-headers";
export { authCookies, type TAuthCookies } from "./cookies";
export { STATIC_HEADERS } from "./static-headers.mjs";
