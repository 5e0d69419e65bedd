export { recordAudit, recordAudits, auditBatch, type AuditInput, type RequestMeta } from "./record-audit";
