import { CodeBadge, type BadgeToneMap } from "@/components/ui/badge";

const TONES: BadgeToneMap = { ACTIVE: "success", SUSPENDED: "warning", TERMINATED: "danger", SUPERSEDED: "closed" };

export function LicenceStatusBadge({ status }: { status: string }) {
  return <CodeBadge namespace="licences.register.statuses" code={status} tones={TONES} data-status={status} />;
}
