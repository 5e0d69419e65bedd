import type { TCommandType } from "../commands";
import { assign } from "./assignment";
import { deadlinePassed } from "./deadlines";
import type { Handler } from "./handler";
import { paymentConfirmed, signatureVerified, submit, withdraw } from "./intake";
import { handOver, register } from "./office";
import { draftDecision, recordCheck, startReview } from "./review";
import { returnForRevision, signDecision } from "./signing";
import { requestCorrection, resume, suspend } from "./suspension";

export const HANDLERS: { [T in TCommandType]: Handler<T> } = {
  payment_confirmed: paymentConfirmed,
  signature_verified: signatureVerified,
  submit,
  withdraw,
  register,
  assign,
  start_review: startReview,
  record_check: recordCheck,
  request_correction: requestCorrection,
  suspend,
  resume,
  draft_decision: draftDecision,
  sign_decision: signDecision,
  return_for_revision: returnForRevision,
  hand_over: handOver,
  deadline_passed: deadlinePassed,
};
