import { isDemoMode } from "@/lib/platform/demo";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { z } from "zod";
import { PageTitle } from "@/components/ui/page-title";
import { SignInForm } from "@/components/auth/sign-in-form";
import { EdsSignIn } from "@/components/auth/eds-sign-in";
import { Link } from "@/components/i18n/navigation";
import { Alert } from "@/components/ui/alert";

const ZSignInQuery = z.object({ method: z.enum(["password", "eds"]).catch("password"), afterRegistration: z.literal("1").optional().catch(undefined) });

export const generateMetadata = titleMetadata("auth.signIn.title");

export default async function SignInPage({ params, searchParams }: LocalePageProps) {
  await pageLocale(params);
  const query = await searchParams;
  const { method, afterRegistration } = ZSignInQuery.parse({ method: query.method ?? undefined, afterRegistration: query.afterRegistration ?? undefined });
  const [t, te] = await Promise.all([getTranslations("auth"), getTranslations("eds.signIn")]);
  // Two ways in, as on egov.kz: login and password, or EDS (one form at a time).
  const methods = [
    { key: "password", href: { pathname: "/sign-in" }, label: te("byPassword") },
    { key: "eds", href: { pathname: "/sign-in", query: { method: "eds" } }, label: te("byEds") },
  ] as const;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("signIn.lead")}>{t("signIn.title")}</PageTitle>
      <nav aria-label={te("methods")} className="mb-4">
        <ul className="flex gap-2 border-b border-slate-300">
          {methods.map((m) => (
            <li key={m.key}>
              <Link
                href={m.href}
                aria-current={method === m.key ? "page" : undefined}
                className={`-mb-px inline-block rounded-t border px-4 py-2 font-semibold ${method === m.key ? "border-slate-300 border-b-white bg-white text-brand-800" : "border-transparent text-brand-700 underline hover:bg-brand-50"}`}
              >
                {m.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {afterRegistration ? (
        <div className="mb-4">
          <Alert tone="info">{t("signIn.afterRegistration")}</Alert>
        </div>
      ) : null}
      {method === "eds" ? <EdsSignIn demo={isDemoMode(process.env)} /> : <SignInForm />}
      <p className="mt-6 text-sm">
        {t("signIn.noAccount")}{" "}
        <Link href="/register" className="font-semibold text-brand-700 underline">
          {t("signIn.registerLink")}
        </Link>
      </p>
    </div>
  );
}
