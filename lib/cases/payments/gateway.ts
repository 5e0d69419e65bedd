import type { DbOrTx } from "@/lib/platform/db";
import type { PaymentGatewayPort } from "./port";
import { createSandboxGateway } from "./sandbox-gateway";

/**
 * The gateway the portal uses. Only the sandbox exists today; an adapter of the real e-government
 * payment gateway implements the same port and is chosen here.
 */
export function defaultPaymentGateway(db: DbOrTx, opts: { baseUrl: string }): PaymentGatewayPort {
  return createSandboxGateway(db, { pageBaseUrl: opts.baseUrl });
}
