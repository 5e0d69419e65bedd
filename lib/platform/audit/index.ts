export { recordAudit, type AuditInput, type RequestMeta } from "./record-audit";
