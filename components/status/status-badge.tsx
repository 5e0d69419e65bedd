import { CodeBadge, DEADLINE_TONES, type BadgeToneMap } from "@/components/ui/badge";

const STATUS_TONES: BadgeToneMap = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  IN_PROGRESS: "info",
  SUSPENDED: "warning",
  DEEMED_ISSUED: "deemed",
  ISSUED: "success",
  REFUSED: "danger",
  WITHDRAWN: "closed",
};

export function StatusBadge({ status }: { status: string }) {
  return <CodeBadge namespace="status" code={status} tones={STATUS_TONES} fallback="neutral" />;
}

export function DeadlineBadge({ level }: { level: string }) {
  return <CodeBadge namespace="status.deadline" code={level} tones={DEADLINE_TONES} />;
}
