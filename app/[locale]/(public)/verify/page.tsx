import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { Link, redirect } from "@/components/i18n/navigation";
import { isValidIdentifier } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDate, type Locale } from "@/lib/platform/i18n";
import { getPublicLicenceStatus, normaliseLicenceNumber, parseAnnexNumber, type TPublicLicence } from "@/lib/cases/licences";
import { PageTitle } from "@/components/ui/page-title";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { LicenceStatusBadge } from "./[number]/licence-status-badge";
import { UploadForm } from "./[number]/upload-form";

export const dynamic = "force-dynamic";

const ZVerifyQuery = z.object({ q: z.string().trim().max(60).optional().catch(undefined) });

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "licences.verify" });
  return { title: t("title") };
}

type Outcome = { kind: "none" } | { kind: "invalid"; message: "invalidQuery" | "invalidIdentifier" } | { kind: "holder"; identifier: string; licences: TPublicLicence[] };

/**
 * Public licence check (no sign-in): a licence number goes to its page (the QR target); a BIN/IIN
 * lists the holder's licences; a signed document with its .p7s is checked against the register.
 */
export default async function VerifyPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  setRequestLocale((await params).locale);
  const locale = (await getLocale()) as Locale;
  const { q } = ZVerifyQuery.parse(await searchParams);
  const [t, tf] = await Promise.all([getTranslations("licences.verify"), getTranslations("licences.fields")]);

  let outcome: Outcome = { kind: "none" };
  if (q) {
    const compact = q.replace(/\s+/g, "");
    if (/^\d{12}$/.test(compact)) {
      outcome = isValidIdentifier(compact)
        ? { kind: "holder", identifier: compact, licences: await getPublicLicenceStatus(getDb(), { identifier: compact }) }
        : { kind: "invalid", message: "invalidIdentifier" };
    } else {
      const number = normaliseLicenceNumber(compact) ?? parseAnnexNumber(compact)?.licenceNumber;
      if (number) redirect({ href: `/verify/${number}`, locale });
      outcome = { kind: "invalid", message: "invalidQuery" };
    }
  }
  const error = outcome.kind === "invalid" ? t(outcome.message) : undefined;

  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <form method="get" role="search" aria-label={t("title")} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <Field
          name="q"
          id="verify-q"
          label={t("queryLabel")}
          hint={t("queryHint")}
          error={error}
          defaultValue={q ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={60}
          required
        />
        <button type="submit" className="self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("submit")}
        </button>
      </form>

      {outcome.kind === "holder" ? (
        <section aria-labelledby="holder-results" className="flex flex-col gap-3">
          <h2 id="holder-results" className="text-xl font-semibold">
            {t("holderResults", { identifier: outcome.identifier, count: outcome.licences.length })}
          </h2>
          {outcome.licences.length === 0 ? (
            <Alert>{t("noLicencesForHolder")}</Alert>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="p-2">{tf("number")}</th>
                    <th scope="col" className="p-2">{tf("status")}</th>
                    <th scope="col" className="p-2">{tf("holder")}</th>
                    <th scope="col" className="p-2">{tf("service")}</th>
                    <th scope="col" className="p-2">{tf("provider")}</th>
                    <th scope="col" className="p-2">{tf("issuedAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.licences.map((l) => (
                    <tr key={l.number} className="border-t border-slate-200 align-top">
                      <th scope="row" className="p-2 font-mono font-medium">
                        <Link href={`/verify/${l.number}`} className="text-brand-700 underline">
                          {l.number}
                        </Link>
                      </th>
                      <td className="p-2">
                        <LicenceStatusBadge status={l.status} />
                      </td>
                      <td className="p-2">{l.holder.name}</td>
                      <td className="p-2">{l.service.shortTitle[locale]}</td>
                      <td className="p-2">{l.provider.name[locale]}</td>
                      <td className="p-2 whitespace-nowrap">{formatDate(l.issuedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <UploadForm />
    </div>
  );
}
