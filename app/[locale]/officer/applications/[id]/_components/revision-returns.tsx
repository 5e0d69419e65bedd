import { getLocale, getTranslations } from "next-intl/server";
import type { OfficerWorkspace } from "@/lib/cases/officer-actions";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { Alert } from "@/components/ui/alert";
import { stepLabel } from "@/components/officer/step-label";
import { Section } from "./section";

/**
 * Drafts the head returned for revision, newest first, each with who, when and the comment. While
 * the latest return is still open (the application is at the step it went back to, nothing drafted
 * since) it is announced at the top for the executor.
 */
export async function RevisionReturns({ ws }: { ws: OfficerWorkspace }) {
  const returns = ws.state.workflowData.returns;
  if (!returns.length) return null;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.returns");
  const to = await getTranslations("officer");
  const tw = await getTranslations("workflow.decision");
  const latest = returns[returns.length - 1]!;
  const open = !ws.state.decision && ws.app.stepKey === latest.toStepKey;
  return (
    <Section id="returns" title={t("history")}>
      <div className="flex flex-col gap-3" data-testid="revision-returns">
        {open ? (
          <Alert title={t("title")}>
            <p>{t("latest")}</p>
            <p className="mt-2 whitespace-pre-line font-medium" data-testid="revision-comment">
              {latest.comment}
            </p>
          </Alert>
        ) : null}
        <ol className="flex flex-col gap-3">
          {[...returns].reverse().map((r, i) => (
            <li key={`${r.at}-${i}`} className="rounded border border-slate-200 p-3">
              <p className="text-sm text-slate-700">
                {t("by")}: {ws.people[r.byUserId] ?? "—"} · {formatDateTime(new Date(r.at), locale)} · {stepLabel(to, r.toStepKey)}
              </p>
              <p className="text-sm text-slate-700">
                {t("kind")}: {tw(r.decision.kind)}
              </p>
              <p className="mt-1 whitespace-pre-line">
                <span className="font-medium">{t("comment")}:</span> {r.comment}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </Section>
  );
}
