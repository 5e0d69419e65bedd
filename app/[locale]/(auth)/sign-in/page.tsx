import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Link } from "@/app/_i18n/navigation";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "auth" });
  return { title: t("signIn.title") };
}

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("signIn.lead")}>{t("signIn.title")}</PageTitle>
      <SignInForm />
      <p className="mt-6 text-sm">
        {t("signIn.noAccount")}{" "}
        <Link href="/register" className="font-semibold text-brand-700 underline">
          {t("signIn.registerLink")}
        </Link>
      </p>
    </div>
  );
}
