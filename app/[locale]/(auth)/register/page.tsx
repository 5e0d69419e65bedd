import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { PageTitle } from "@/components/ui/page-title";
import { RegisterForm } from "@/app/[locale]/(auth)/register/_components/register-form";

export const generateMetadata = titleMetadata("auth.register.title");

export default async function RegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle lead={t("register.lead")}>{t("register.title")}</PageTitle>
      <RegisterForm />
    </div>
  );
}
