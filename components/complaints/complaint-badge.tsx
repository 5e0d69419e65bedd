import { CodeBadge, DEADLINE_TONES, type BadgeToneMap } from "@/components/ui/badge";

const TERM_TONES: BadgeToneMap = { ...DEADLINE_TONES, ANSWERED_ON_TIME: "neutral", ANSWERED_LATE: "late" };
const STATUS_TONES: BadgeToneMap = { REGISTERED: "info", IN_REVIEW: "warning", ANSWERED: "success", REJECTED: "danger" };

/** On time / due soon / overdue (or answered on time / late) against the complaint's term. */
export function ComplaintBadge({ badge }: { badge: string }) {
  return <CodeBadge namespace="complaints.badges" code={badge} tones={TERM_TONES} />;
}

export function ComplaintStatus({ status }: { status: string }) {
  return <CodeBadge namespace="complaints.statuses" code={status} tones={STATUS_TONES} />;
}
