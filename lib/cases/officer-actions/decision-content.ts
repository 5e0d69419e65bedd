import canonicalize from "canonicalize";
import { ZDecision } from "@/lib/law/workflow";

type AppForDecision = {
  id: string;
  registrationNumber: string | null;
  serviceCode: string;
  variant: string;
  decision: unknown;
  subject: { identifier: string; name: string };
};

/**
 * The exact bytes the head signs for a decision: RFC 8785 canonical JSON of the application, the
 * recipient and the drafted decision. The page hands them to the signing component and the server
 * recomputes them from the stored row, so a signature over a decision that changed since the page
 * was rendered is `content_mismatch`. Null when nothing is drafted.
 */
export function decisionSigningContent(app: AppForDecision): Uint8Array | null {
  const parsed = ZDecision.safeParse(app.decision);
  if (!app.decision || !parsed.success) return null;
  const d = parsed.data;
  const text = canonicalize({
    type: "licensing_decision",
    applicationId: app.id,
    registrationNumber: app.registrationNumber,
    serviceCode: app.serviceCode,
    variant: app.variant.toLowerCase(),
    recipient: { identifier: app.subject.identifier, name: app.subject.name },
    decision: { kind: d.kind, subtypes: d.subtypes ?? [], grounds: d.grounds, reason: d.reason ?? null, draftedById: d.draftedById, draftedAt: d.draftedAt },
  });
  return new TextEncoder().encode(text!);
}
