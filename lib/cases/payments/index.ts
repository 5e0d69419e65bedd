// The gateway port is the module's contract with any payment gateway: exported whole.
export * from "./port";
export { paymentGatewaySecret, signCallbackBody, verifyCallbackSignature, DEV_PAYMENT_GATEWAY_SECRET } from "./signature";
export { generatePaymentCode, normalizePaymentCode, isValidPaymentCode, paymentCodeCheckChar, PAYMENT_CODE_ALPHABET } from "./payment-code";
export {
  SANDBOX_TEST_CARDS,
  ZSandboxCardInput,
  isLuhnValid,
  isCardExpired,
  sandboxOutcomeFor,
  type TSandboxCardInput,
  type TSandboxOutcome,
} from "./sandbox-card";
export {
  createSandboxGateway,
  fetchCallbackSender,
  sandboxCallbackFor,
  type SandboxGateway,
  type TSandboxOrder,
  type TSandboxPayResult,
  type TCallbackDelivery,
  type TCallbackSender,
} from "./sandbox-gateway";
export { defaultPaymentGateway } from "./gateway";
export { startPayment, callbackUrlFor, type TStartPaymentInput, type TStartPaymentResult } from "./start-payment";
export { confirmPaymentCallback, type TConfirmCallbackInput, type TConfirmCallbackResult } from "./confirm-payment";
export { isApplicationPaid, requirePaid, getPaymentOverview, type TPaymentOverview, type TPaymentView } from "./payment-status";
export { feeRequired } from "./fee";
export { getReceipt, type TReceipt } from "./get-receipt";
export { recordPaperReceipt, ZPaperReceiptInput, type TPaperReceiptInput } from "./record-paper-receipt";
export { maskName } from "./mask-name";
export type { TOnPaid, TPaymentPaidEvent } from "./paid-hook";
export { PAYMENT_MESSAGE_KEYS } from "./message-keys";
