/**
 * Notification kinds as data: who they are for, which channels carry them, what their message
 * parameters are and where they link to. Texts live in messages/<locale>/notifications.json under
 * `kinds.<kind>.title` / `kinds.<kind>.body` (ICU), so a notification is stored as kind + params and
 * rendered in the reader's language when it is read or e-mailed.
 */

/**
 * Parameter types. Instants are stored as ISO strings and rendered in Almaty time; `service` is a
 * catalogue code rendered as the service's short title; `step` is a regulation step key rendered
 * as `notifications.steps.<key>`; `id` is only used in link targets; a tuple is an enum (ICU select).
 */
export type ParamSpec = "text" | "instant" | "money" | "service" | "step" | "id" | readonly [string, ...string[]];

export const CHANNELS = ["in_app", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

export type KindDefinition = {
  /** Who reads it: the applicant's users, or staff (officers and supervisors). */
  audience: "applicant" | "staff";
  channels: readonly Channel[];
  params: Readonly<Record<string, ParamSpec>>;
  /** Path without the locale; `{applicationId}` is the notification's application, `{name}` a parameter. */
  link: string;
};

const APPLICATION_PAGE = "/applicant/applications/{applicationId}";
const OFFICER_PAGE = "/officer/applications/{applicationId}";

/** For the applicant's users, in-app and by e-mail; links to the application unless told otherwise. */
function applicantKind<const P extends Readonly<Record<string, ParamSpec>>>(params: P, link: string = APPLICATION_PAGE) {
  return { audience: "applicant", channels: ["in_app", "email"], params, link } as const;
}

/** For staff, in-app only; links to the application in the officer's view. */
function staffKind<const P extends Readonly<Record<string, ParamSpec>>>(params: P) {
  return { audience: "staff", channels: ["in_app"], params, link: OFFICER_PAGE } as const;
}

export const NOTIFICATION_KINDS = {
  /** The notification-report: registration number and the instant the result will be ready. */
  application_registered: applicantKind({ registrationNumber: "text", service: "service", readyBy: "instant" }),
  /** The applicant-visible stage moved on. */
  step_changed: applicantKind({ registrationNumber: "text", stage: ["registered", "assigned", "under_review", "decision_signed"] }),
  correction_requested: applicantKind({ registrationNumber: "text", reason: "text" }),
  /** Reminder: the executor's correction request is still waiting for the applicant. */
  correction_pending: applicantKind({ registrationNumber: "text", requestedAt: "instant", reason: "text" }),
  suspended: applicantKind({ registrationNumber: "text", reason: "text" }),
  /** Processing resumed: the new ready-by instant (the term was extended by the suspension). */
  resumed: applicantKind({ registrationNumber: "text", readyBy: "instant" }),
  licence_issued: applicantKind({ registrationNumber: "text", licenceNumber: "text" }),
  /** Reasoned refusal: the grounds are in `reason`. */
  refused: applicantKind({ registrationNumber: "text", reason: "text" }),
  /** Tacit approval: no decision within the term, the licence is deemed issued. */
  deemed_issued: applicantKind({ registrationNumber: "text", handOverBy: "instant" }),
  /** A draft waits for the fee. */
  payment_due: applicantKind({ service: "service", amountKzt: "money" }),
  payment_received: applicantKind({ service: "service", amountKzt: "money", paymentCode: "text" }),
  licence_expiring: applicantKind({ licenceId: "id", licenceNumber: "text", service: "service", validTo: "instant" }, "/applicant/licences/{licenceId}"),
  complaint_registered: applicantKind({ complaintId: "id", ticketNumber: "text", answerBy: "instant" }, "/applicant/complaints/{complaintId}"),
  complaint_term_extended: applicantKind({ complaintId: "id", ticketNumber: "text", answerBy: "instant" }, "/applicant/complaints/{complaintId}"),
  complaint_answered: applicantKind({ complaintId: "id", ticketNumber: "text" }, "/applicant/complaints/{complaintId}"),
  /**
   * An officer (or every officer of the role) has a new step to work on. `application` is the
   * registration number, or the applicant's name while the application is not registered yet.
   */
  task_assigned: staffKind({ application: "text", step: "step", dueAt: "instant" }),
  /** A step of the officer's is due soon or overdue. */
  step_due: staffKind({ application: "text", step: "step", dueAt: "instant", level: ["due_soon", "overdue"] }),
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

type SpecValue<S> = S extends "instant" ? Date | string : S extends "money" ? number : S extends readonly (infer E)[] ? E : string;
type StoredValue<S> = S extends "money" ? number : S extends readonly (infer E)[] ? E : string;
type SpecsOf<K extends NotificationKind> = (typeof NOTIFICATION_KINDS)[K]["params"];

/** What a caller passes to `notify` (instants may be Dates). */
export type NotificationParamsInput<K extends NotificationKind> = { -readonly [P in keyof SpecsOf<K>]: SpecValue<SpecsOf<K>[P]> };
/** What is stored in `Notification.params` (JSON-safe; instants as ISO strings). */
export type NotificationParams<K extends NotificationKind> = { -readonly [P in keyof SpecsOf<K>]: StoredValue<SpecsOf<K>[P]> };

export function isNotificationKind(v: unknown): v is NotificationKind {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, v);
}

export function kindDefinition(kind: NotificationKind): KindDefinition {
  return NOTIFICATION_KINDS[kind];
}

/** Full message keys (from the catalogue root) of a kind's title and body. */
export function messageKeysOf(kind: NotificationKind): { base: string; title: string; body: string } {
  const base = `notifications.kinds.${kind}`;
  return { base, title: `${base}.title`, body: `${base}.body` };
}

export function hasChannel(kind: NotificationKind, channel: Channel): boolean {
  return (NOTIFICATION_KINDS[kind].channels as readonly Channel[]).includes(channel);
}

/** Kinds that are also sent by e-mail. */
export const EMAIL_KINDS: readonly NotificationKind[] = NOTIFICATION_KIND_NAMES.filter((k) => hasChannel(k, "email"));

/** Whether the link target needs the notification's application id. */
export function needsApplication(kind: NotificationKind): boolean {
  return NOTIFICATION_KINDS[kind].link.includes("{applicationId}");
}
