import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { listThrottled } from "@/lib/platform/auth";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { ClearThrottleButton } from "./_components/clear-throttle-button";

export const dynamic = "force-dynamic";

/** Accounts and addresses whose password sign-in is being slowed down, and clearing them (issue 13, F2). */
export default async function SignInThrottlePage() {
  await requireActor("admin.users");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.throttle");
  const now = new Date();
  const { accounts, addresses } = await listThrottled(getDb(), now);
  const until = (d: Date | null) => (d ? formatDateTime(d, locale) : t("notNow"));

  return (
    <div className="flex flex-col gap-8">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Section id="throttle-accounts" title={t("accounts")}>
        <DataTable
          caption={t("accounts")}
          rows={accounts}
          rowKey={(a) => a.login}
          empty={t("noAccounts")}
          columns={[
            { key: "login", header: t("columns.login"), rowHeader: true, cell: (a) => <span className="font-mono">{a.login}</span> },
            { key: "failures", header: t("columns.failures"), cell: (a) => a.failures },
            { key: "last", header: t("columns.lastFailure"), cell: (a) => formatDateTime(a.lastFailureAt, locale) },
            { key: "until", header: t("columns.until"), cell: (a) => until(a.until) },
            {
              key: "clear",
              header: t("columns.action"),
              cell: (a) => <ClearThrottleButton target={{ kind: "account", login: a.login }} label={t("clearAccount", { login: a.login })} />,
            },
          ]}
        />
      </Section>
      <Section id="throttle-addresses" title={t("addresses")}>
        <DataTable
          caption={t("addresses")}
          rows={addresses}
          rowKey={(a) => a.ip}
          empty={t("noAddresses")}
          columns={[
            { key: "ip", header: t("columns.address"), rowHeader: true, cell: (a) => <span className="font-mono">{a.ip}</span> },
            { key: "failures", header: t("columns.failures"), cell: (a) => a.failures },
            { key: "until", header: t("columns.until"), cell: (a) => until(a.until) },
            {
              key: "clear",
              header: t("columns.action"),
              cell: (a) => <ClearThrottleButton target={{ kind: "address", ip: a.ip }} label={t("clearAddress", { ip: a.ip })} />,
            },
          ]}
        />
      </Section>
    </div>
  );
}
