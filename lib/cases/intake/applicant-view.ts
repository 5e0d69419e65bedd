import type { SubjectKind } from "@/lib/platform/db";

/** The applicant as the intake page and the registration receipt show it. */
export type TIntakeApplicantView = { kind: SubjectKind; identifier: string; name: string; legalAddress: string | null; headName: string | null };

/** The name is the application's (as registered), the rest comes from the subject's record. */
export function applicantView(app: {
  applicantName: string;
  subject: { kind: SubjectKind; identifier: string; legalAddress: string | null; headName: string | null };
}): TIntakeApplicantView {
  const s = app.subject;
  return { kind: s.kind, identifier: s.identifier, name: app.applicantName, legalAddress: s.legalAddress, headName: s.headName };
}
