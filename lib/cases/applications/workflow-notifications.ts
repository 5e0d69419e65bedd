import type { Application } from "@/lib/platform/db";
import type { NotificationKind } from "@/lib/integration/notifications";

type Params = Record<string, string | number | null>;
export type MappedNotification = { kind: NotificationKind; params: Record<string, unknown> } | null;

/**
 * Maps an engine notice (`workflow.notify.*`) to a notification kind with typed params, so that it
 * renders well and reaches the applicant by e-mail. Notices without a kind for the audience are
 * stored with their message key and rendered generically.
 */
export function toNotificationKind(messageKey: string, params: Params, app: Application, audience: "applicant" | "staff"): MappedNotification {
  const registrationNumber = app.registrationNumber ?? app.applicantName;
  const key = messageKey.replace(/^workflow\.notify\./, "");
  if (audience === "applicant") {
    switch (key) {
      case "submitted":
        return app.dueAt ? { kind: "application_registered", params: { registrationNumber, service: app.serviceCode, readyBy: app.dueAt } } : null;
      case "registered":
        return { kind: "step_changed", params: { registrationNumber, stage: "registered" } };
      case "decision_signed":
        return { kind: "step_changed", params: { registrationNumber, stage: "decision_signed" } };
      case "correction_requested":
      case "suspended":
        return { kind: key, params: { registrationNumber, reason: String(params.reason ?? "") } };
      case "resumed":
        return app.dueAt ? { kind: "resumed", params: { registrationNumber, readyBy: app.dueAt } } : null;
      case "result_ready":
        if (params.result === "ISSUED" && params.licenceNumber) return { kind: "licence_issued", params: { registrationNumber, licenceNumber: String(params.licenceNumber) } };
        if (params.result === "REFUSED") {
          const reason = (app.decision as { reason?: string } | null)?.reason ?? "";
          return { kind: "refused", params: { registrationNumber, reason } };
        }
        return null;
      case "deemed_issued":
        return params.handOverDueAt ? { kind: "deemed_issued", params: { registrationNumber, handOverBy: String(params.handOverDueAt) } } : null;
      default:
        return null;
    }
  }
  switch (key) {
    case "step_assigned":
      return app.stepKey && app.stepDueAt
        ? { kind: "task_assigned", params: { application: registrationNumber, step: app.stepKey, dueAt: app.stepDueAt } }
        : null;
    case "step_overdue":
    case "step_due_soon":
      return app.stepKey && params.dueAt
        ? {
            kind: "step_due",
            params: { application: registrationNumber, step: app.stepKey, dueAt: String(params.dueAt), level: key === "step_overdue" ? "overdue" : "due_soon" },
          }
        : null;
    default:
      return null;
  }
}
