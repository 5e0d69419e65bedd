export { recordAudit, recordAudits, auditBatch, deferInsert, flushDeferred, type AuditInput, type RequestMeta } from "./record-audit";
