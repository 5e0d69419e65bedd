import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import type { OfficerWorkspace } from "@/lib/cases/officer-actions";
import { Section } from "./section";

/**
 * The checks already recorded (completeness, qualification, inspection) as a read-only summary with
 * who and when: after "record result" the forms no longer come back blank, and after the draft is
 * sent the results stay visible to the head and the supervisor.
 */
export async function RecordedChecks({ ws }: { ws: OfficerWorkspace }) {
  const entries = Object.entries(ws.state.workflowData.checks).filter(([, c]) => c);
  if (!entries.length) return null;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.actions.check");
  const tw = await getTranslations("workflow.check");
  const to = await getTranslations("officer.recordedChecks");
  return (
    <Section id="recorded-checks" title={to("title")}>
      <ul className="flex flex-col gap-3" data-testid="recorded-checks">
        {entries.map(([key, c]) => (
          <li key={key} className={`rounded border-l-4 p-3 ${c!.passed ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
            <p className="font-semibold">
              {tw.has(key as never) ? tw(key as never) : to("other")}: {c!.passed ? t("passed") : t("failed")}
            </p>
            <p className="text-sm text-slate-700">{to("by", { who: ws.people[c!.byUserId] ?? "—", at: formatDateTime(new Date(c!.at), locale) })}</p>
            {c!.items.filter((i) => !i.passed || i.note).length ? (
              <ul className="mt-1 list-inside list-disc text-sm">
                {c!.items
                  .filter((i) => !i.passed || i.note)
                  .map((i) => (
                    <li key={i.key}>
                      {i.passed ? t("meets") : t("doesNotMeet")}
                      {i.note ? `: ${i.note}` : ""}
                    </li>
                  ))}
              </ul>
            ) : null}
            {c!.note ? <p className="mt-1 text-sm">{c!.note}</p> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
