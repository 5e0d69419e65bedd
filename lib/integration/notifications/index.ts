export {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_NAMES,
  EMAIL_KINDS,
  CHANNELS,
  isNotificationKind,
  kindDefinition,
  messageKeysOf,
  hasChannel,
  needsApplication,
  type NotificationKind,
  type NotificationParams,
  type NotificationParamsInput,
  type KindDefinition,
  type ParamSpec,
  type Channel,
} from "./kinds";
export { paramsSchema, parseParams } from "./params";
export { notify, notifyMany, notificationRows, type NotifyInput, type NotifyManyInput } from "./notify";
export { resolveRecipients, resolveRecipientsMany, resolveSubjectRecipients, type Recipient } from "./resolve-recipients";
export {
  renderNotification,
  renderStoredNotification,
  NOTIFICATION_FORMATS,
  type RenderedNotification,
  type RenderOptions,
  type StoredNotification,
} from "./render";
export { listMyNotifications, ZNotificationsQuery, NOTIFICATIONS_PAGE_SIZE, type MyNotificationRow, type TNotificationsQuery } from "./list-my-notifications";
export { countUnread } from "./count-unread";
export { markRead, ZMarkReadInput, type MarkReadInput, type TMarkReadInput } from "./mark-read";
export {
  createSmtpTransport,
  createMailboxTransport,
  createMailTransportFromEnv,
  mailConfigFromEnv,
  isPermanentMailError,
  DEFAULT_MAIL_FROM,
  type MailTransport,
  type MailMessage,
  type MailSendResult,
  type MailConfig,
  type MailboxRecord,
} from "./mailer";
export { readMailbox, type MailboxEntry } from "./read-mailbox";
export { composeNotificationEmail } from "./compose-email";
export { deliverPendingEmails, type DeliverOptions, type DeliverResult } from "./deliver-pending-emails";
export { notifyExpiringLicences } from "./notify-expiring-licences";
export { NOTIFICATION_JOBS, type NotificationJobDeps } from "./jobs";
