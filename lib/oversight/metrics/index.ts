export { ZPeriodQuery, PERIOD_KINDS, resolvePeriod, periodBuckets, type TPeriod, type TPeriodKind, type TPeriodQuery, type TGranularity } from "./period";
export { almatyDate, almatyMidnight, addDays } from "@/lib/platform/i18n";
export { resolveOrgScope, organisationName, type TOrgScope, type TScopeOrganisation } from "./org-scope";
export { numberSetting } from "./settings";
export {
  deadlineDashboard,
  ZDeadlineFilter,
  BREAKDOWN_DIMENSIONS,
  RUNNING_STATUSES,
  OPEN_STATUSES,
  STEP_STATUSES,
  type TDeadlineDashboard,
  type TDeadlineCounts,
  type TBreakdownDimension,
  type TBreakdownRow,
  type TDeadlineFilter,
} from "./deadline-dashboard";
export { listDeadlineApplications, ZDeadlineListQuery, DEADLINE_BASES, type TDeadlineBasis, DEADLINE_BUCKETS, DEADLINE_LIST_PAGE_SIZE, type TDeadlineBucket, type TDeadlineListQuery, type TDeadlineListRow } from "./deadline-lists";
export {
  qualityIndicators,
  ZIndicatorQuery,
  INDICATOR_IDS,
  INDICATOR_KEYS,
  NORMATIVE,
  type TIndicatorQuery,
  type TIndicators,
  type TIndicatorKey,
  type TIndicatorRow,
  type TQualityReport,
  type TShare,
  type TSurveyShare,
} from "./quality-indicators";
export { indicatorTrend, type TTrend, type TTrendPoint } from "./indicator-trend";
export { stepDurations, type TStepDuration, type TStepDurations } from "./step-durations";
export { checkOnTimeAlerts, ON_TIME_THRESHOLD_SETTING, DEFAULT_ON_TIME_THRESHOLD, ON_TIME_ALERT_KEY, ALERT_KIND, type TOnTimeAlertResult } from "./on-time-alerts";
export { getSupervisedApplication, type TSupervisedApplication, type TTimelineEntry } from "./application-timeline";
export { listAuditEvents, ZAuditQuery, AUDIT_PAGE_SIZE, type TAuditQuery, type TAuditRow } from "./list-audit-events";
export { rebuildMetricSummaries, foldMetricSummaries } from "./rebuild-summaries";
