import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { PageTitle } from "@/components/ui/page-title";
import { RegisterForm } from "@/app/[locale]/(auth)/register/_components/register-form";

export const generateMetadata = titleMetadata("auth.register.title");

export default async function RegisterPage({ params }: Pick<LocalePageProps, "params">) {
  await pageLocale(params);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle lead={t("register.lead")}>{t("register.title")}</PageTitle>
      <RegisterForm />
    </div>
  );
}
