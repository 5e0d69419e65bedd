import { CodeBadge, type BadgeToneMap } from "@/components/ui/badge";

const TONES: BadgeToneMap = { valid: "success", revoked: "danger", expired: "closed", not_yet_valid: "warning" };

/** Status of an issued certificate at the time of the page (eds.status.*). */
export function CertificateStatusBadge({ status }: { status: string }) {
  return <CodeBadge namespace="eds.status" code={status} tones={TONES} fallback="neutral" strong />;
}
