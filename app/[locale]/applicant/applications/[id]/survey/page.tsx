import { titleMetadata } from "@/components/i18n/title-metadata";
import { orNotFound } from "@/app/_server/or-not-found";
import { idParam } from "@/app/_server/id-param";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { getSurveyQuestions, surveyState } from "@/lib/oversight/survey";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { SurveyForm } from "./survey-form";

export const generateMetadata = titleMetadata("survey.title");

/** The satisfaction survey of one of the applicant's applications with a result. */
export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await idParam(params);
  const actor = await requireActor("survey.answer");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("survey");
  const state = await orNotFound(surveyState(getDb(), actor, id));
  const app = state.application;
  return (
    <div>
      <PageHeader
        back={{ href: "/applicant", label: t("back") }}
        lead={t("lead", { number: app.registrationNumber ?? "—", service: getService(app.serviceCode)?.shortTitle[locale] ?? app.serviceCode })}
      >
        {t("title")}
      </PageHeader>
      {state.answered ? (
        <Alert tone="info" title={t("alreadyAnsweredTitle")}>
          {t("already_answered")}
        </Alert>
      ) : !state.eligible ? (
        <Alert tone="info">{t("not_available")}</Alert>
      ) : (
        <SurveyForm
          applicationId={app.id}
          questions={getSurveyQuestions().questions.map((q) => ({ name: q.name, required: q.required, text: q.text[locale] }))}
          answers={getSurveyQuestions().answers.map((a) => ({ value: a.value, label: a.label[locale] }))}
        />
      )}
    </div>
  );
}
