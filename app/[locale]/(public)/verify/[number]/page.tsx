import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/app/_server/page-locale";
import { z } from "zod";
import { Link } from "@/components/i18n/navigation";
import { getDb } from "@/app/_server/db";
import { formatDate, formatDateTime } from "@/lib/platform/i18n";
import { getPublicLicenceStatus, normaliseLicenceNumber, parseAnnexNumber } from "@/lib/cases/licences";
import { CodedList } from "@/components/catalogue/coded-list";
import { LicenceStatusBadge } from "./licence-status-badge";

export const dynamic = "force-dynamic";

/** The QR target: a licence or annex number, in any case, spaces allowed. */
const ZNumberParam = z
  .string()
  .max(60)
  .transform((s) => normaliseLicenceNumber(s) ?? parseAnnexNumber(s)?.licenceNumber ?? null);

export async function generateMetadata({ params }: { params: Promise<{ locale: string; number: string }> }) {
  const { locale, number } = await params;
  const t = await getTranslations({ locale, namespace: "licences.verify" });
  const n = ZNumberParam.safeParse(number);
  return { title: n.success && n.data ? t("resultTitle", { number: n.data }) : t("title"), robots: { index: false } };
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-slate-200 py-3 first:border-t-0 first:pt-0 sm:grid-cols-3 sm:gap-4">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function VerifyLicencePage({ params }: { params: Promise<{ locale: string; number: string }> }) {
  const locale = await pageLocale(params);
  const { number: raw } = await params;
  const parsed = ZNumberParam.safeParse(raw);
  if (!parsed.success || !parsed.data) notFound();
  const licence = await getPublicLicenceStatus(getDb(), { number: parsed.data });
  if (!licence) notFound();
  const [t, tf, ts, tPki] = await Promise.all([
    getTranslations("licences.verify"),
    getTranslations("licences.fields"),
    getTranslations("licences.statusText"),
    getTranslations("pki.detail"),
  ]);
  const tDup = await getTranslations("licences.duplicateReason");
  const idLabel = licence.holder.identifierMasked ? tf("identifierMasked") : licence.holder.kind === "LEGAL_ENTITY" ? tf("bin") : tf("iin");
  const sig = licence.signature;
  const checkedAt = new Date();

  return (
    <article className="flex flex-col gap-5">
      <nav className="text-sm">
        <Link href="/verify" className="text-brand-700 underline">
          {t("backToSearch")}
        </Link>
      </nav>
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("resultTitle", { number: licence.number })}</h1>
        <div role="status" className="flex flex-col gap-2">
          <div>
            <LicenceStatusBadge status={licence.status} size="lg" />
          </div>
          <p className="text-slate-800">{ts(licence.status)}</p>
          {licence.suspendedUntil ? (
            <p>
              {tf("suspendedUntil")}: <strong>{formatDate(licence.suspendedUntil, locale)}</strong>
            </p>
          ) : null}
          {licence.supersededBy ? (
            <p>
              {tf("supersededBy")}:{" "}
              <Link href={`/verify/${licence.supersededBy.number}`} className="font-semibold text-brand-700 underline">
                {licence.supersededBy.number}
              </Link>
            </p>
          ) : null}
        </div>
        <p className="text-sm text-slate-600">{t("checkedAt", { at: formatDateTime(checkedAt, locale) })}</p>
      </header>

      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <dl>
          <Row label={tf("holder")}>
            <p className="font-semibold">{licence.holder.name}</p>
            <p>
              {idLabel}: <span className="font-mono">{licence.holder.identifier}</span>
            </p>
          </Row>
          <Row label={tf("activity")}>{licence.service.activity[locale]}</Row>
          <Row label={tf("subtypes")}>
            <CodedList items={licence.subtypes} locale={locale} />
          </Row>
          <Row label={tf("provider")}>{licence.provider.name[locale]}</Row>
          <Row label={tf("issuedAt")}>{formatDate(licence.issuedAt, locale)}</Row>
          <Row label={tf("validity")}>
            {formatDate(licence.validFrom, locale)} – {licence.validTo ? formatDate(licence.validTo, locale) : tf("unlimited")}
          </Row>
          {licence.statusChangedAt ? <Row label={tf("statusChangedAt")}>{formatDate(licence.statusChangedAt, locale)}</Row> : null}
          {licence.tacit ? <Row label={tf("status")}>{tf("tacit")}</Row> : null}
          {licence.chain.length > 1 ? (
            <Row label={tf("chain")}>
              <ol className="flex flex-col gap-1">
                {licence.chain.map((c) => (
                  <li key={c.number} className="flex flex-wrap items-center gap-2">
                    <span>
                      {tf("versionNo")} {c.versionNo}:
                    </span>
                    {c.number === licence.number ? (
                      <span className="font-mono font-semibold" aria-current="page">
                        {c.number} ({tf("current")})
                      </span>
                    ) : (
                      <Link href={`/verify/${c.number}`} className="font-mono text-brand-700 underline">
                        {c.number}
                      </Link>
                    )}
                    <LicenceStatusBadge status={c.status} />
                    <span className="text-sm text-slate-600">{formatDate(c.issuedAt, locale)}</span>
                  </li>
                ))}
              </ol>
            </Row>
          ) : null}
          {licence.annexes.length ? (
            <Row label={tf("annexes")}>
              <ul className="flex flex-col gap-1">
                {licence.annexes.map((a) => (
                  <li key={a.number}>
                    <span className="font-mono">{a.number}</span> ({formatDate(a.issuedAt, locale)}): {a.subtypes.map((s) => s.label[locale]).join("; ")}
                  </li>
                ))}
              </ul>
            </Row>
          ) : null}
          {licence.duplicates.length ? (
            <Row label={tf("duplicates")}>
              <ul>
                {licence.duplicates.map((d, i) => (
                  <li key={i}>
                    {formatDate(d.issuedAt, locale)} — {tDup.has(d.reason) ? tDup(d.reason) : d.reason}
                  </li>
                ))}
              </ul>
            </Row>
          ) : null}
        </dl>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="sig-title">
        <h2 id="sig-title" className="mb-2 text-xl font-semibold">
          {tf("signature")}
        </h2>
        {sig ? (
          <dl>
            <Row label={tf("signer")}>{sig.signerName}</Row>
            <Row label={tf("signingTime")}>{formatDateTime(sig.signingTime, locale)}</Row>
            <Row label={tf("signatureStatus")}>
              <span className={sig.status === "valid" ? "font-semibold text-green-800" : "font-semibold text-red-800"}>
                <span aria-hidden="true">{sig.status === "valid" ? "✓ " : "✕ "}</span>
                {tPki.has(sig.status) ? tPki(sig.status) : sig.status}
              </span>
            </Row>
            <Row label={tf("verifiedAt")}>{formatDateTime(sig.verifiedAt, locale)}</Row>
          </dl>
        ) : (
          <p>{tf("noSignature")}</p>
        )}
      </section>

      <p className="text-sm">
        <a href={`/api/v1/licences/${licence.number}/verification`} className="text-brand-700 underline">
          {t("downloadJson")}
        </a>
      </p>
    </article>
  );
}
