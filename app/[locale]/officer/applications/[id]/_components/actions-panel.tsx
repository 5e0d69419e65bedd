import { getLocale, getTranslations } from "next-intl/server";
import type { OfficerWorkspace } from "@/lib/cases/officer-actions";
import type { Locale } from "@/lib/platform/i18n";
import { AssignForm } from "./assign-form";
import { CheckForm } from "./check-form";
import { DecisionForm } from "./decision-form";
import { HandOverForm } from "./hand-over-form";
import { ReturnForm } from "./return-form";
import { Section } from "./section";
import { SignForm } from "./sign-form";
import { SimpleCommandForm } from "./simple-command-form";
import type { ActionTarget } from "./types";
import { isRole } from "@/lib/platform/auth";


/** Only what this officer may do now (`availableCommands`), each with the input it needs. */
export async function ActionsPanel({ ws, children }: { ws: OfficerWorkspace; children?: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.actions");
  const tw = await getTranslations("workflow");
  const tr = await getTranslations("common.roles");
  const { app, commands } = ws;
  const target: ActionTarget = { applicationId: app.id, expected: { version: app.version, status: app.status, stepKey: app.stepKey } };
  const has = (c: (typeof commands)[number]) => commands.includes(c);
  const block = "border-t border-slate-200 pt-4 first:border-t-0 first:pt-0";
  // Keyed by version: after an action the page re-renders with the next version and every form starts afresh.
  const v = app.version;
  const decisionKind = ws.state.decision?.kind ?? (ws.state.status === "DEEMED_ISSUED" ? "licence" : null);

  return (
    <Section id="actions" title={t("title")} className="border-brand-700">
      {commands.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <div className="flex flex-col gap-6">
          {has("register") ? (
            <div className={block}>
              <SimpleCommandForm key={`register-${v}`} command="register" target={target} />
            </div>
          ) : null}
          {has("assign") && ws.nextStep ? (
            <div className={block}>
              <AssignForm key={`assign-${v}`} target={target} roleLabel={tr(ws.nextStep.role)} candidates={ws.candidates.map(({ id, name, position, openCount }) => ({ id, name, position: position && !isRole(position) ? position : null /* demo accounts carry the role code as their position */, openCount }))} />
            </div>
          ) : null}
          {has("start_review") ? (
            <div className={block}>
              <SimpleCommandForm key={`review-${v}`} command="start_review" target={target} />
            </div>
          ) : null}
          {has("record_check")
            ? ws.checklists.map((c) => (
                <div key={c.check} className={block}>
                  <CheckForm key={`${c.check}-${v}`} target={target} checklist={{ check: c.check, items: c.items, everyItemRequired: c.everyItemRequired }} checkLabel={tw(`check.${c.check}`)} />
                </div>
              ))
            : null}
          {has("draft_decision") && ws.decisionOptions ? (
            <div className={block}>
              <DecisionForm
                key={`decision-${v}`}
                target={target}
                options={{
                  ...ws.decisionOptions,
                  grounds: ws.decisionOptions.grounds.map((g) => ({
                    code: g.code,
                    label: g.label?.[locale] ?? (tw.has(`ground.${g.code}`) ? tw(`ground.${g.code}`) : g.code),
                  })),
                }}
              />
            </div>
          ) : null}
          {has("sign_decision") ? (
            <div className={block}>
              {children}
              <SignForm key={`sign-${v}`} target={target} contentBase64={ws.decisionContentBase64} licence={decisionKind === "licence"} />
            </div>
          ) : null}
          {has("return_for_revision") ? (
            <div className={block}>
              <ReturnForm key={`return-${v}`} target={target} />
            </div>
          ) : null}
          {has("hand_over") ? (
            <div className={block}>
              <HandOverForm key={`hand-over-${v}`} target={target} resultLabel={decisionKind ? tw(`decision.${decisionKind}`) : "—"} />
            </div>
          ) : null}
        </div>
      )}
    </Section>
  );
}
