import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/app/_server/db";
import { isDemoMode } from "@/lib/platform/demo";
import { formatMoneyKzt, isLocale, type Locale } from "@/lib/platform/i18n";
import { createSandboxGateway, SANDBOX_TEST_CARDS, type TSandboxOrder } from "@/lib/cases/payments";
import { SummaryList, type SummaryRow } from "@/components/ui/summary-list";
import { DataTable } from "@/components/ui/table";
import { RedeliverForm, SandboxCardForm } from "./card-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; orderId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZSearch = z.object({ delivery: z.enum(["ok", "failed"]).optional().catch(undefined) });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "payments.sandbox" });
  return { title: `${t("pageTitle")} · ${t("badge")}`, robots: { index: false, follow: false } };
}

const groupCard = (n: string) => n.replace(/(\d{4})(?=\d)/g, "$1 ");

/**
 * The payment gateway's sandbox page: an outside system with its own look, clearly labelled as a
 * test environment. It shows the order, takes a test card and shows the outcome with a way back.
 */
export default async function SandboxPayPage({ params, searchParams }: Props) {
  const { locale: l, orderId } = await params;
  if (!isLocale(l) || !isDemoMode(process.env)) notFound();
  setRequestLocale(l);
  const locale: Locale = l;
  const id = z.uuid().safeParse(orderId);
  if (!id.success) notFound();
  const order = await createSandboxGateway(getDb()).getOrder(id.data);
  if (!order) notFound();
  const { delivery } = ZSearch.parse(await searchParams);
  const t = await getTranslations("payments.sandbox");
  const amount = formatMoneyKzt(order.amountKzt, locale);

  return (
    <div className="mx-auto max-w-3xl overflow-hidden rounded-xl border-2 border-slate-800 bg-white shadow-lg">
      <div className="flex flex-wrap items-center justify-between gap-2 bg-slate-900 px-5 py-3 text-white">
        <p className="flex items-center gap-2 font-semibold">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded bg-emerald-500 text-center text-sm leading-6 text-slate-900">
            ₸
          </span>
          {t("gatewayName")}
        </p>
        <span className="rounded bg-amber-300 px-2 py-0.5 text-xs font-bold tracking-widest text-slate-900">{t("badge")}</span>
      </div>
      <p
        role="note"
        className="border-b border-amber-400 bg-[repeating-linear-gradient(135deg,#fef3c7_0,#fef3c7_14px,#fde68a_14px,#fde68a_28px)] px-5 py-2 text-sm font-medium text-slate-900"
      >
        {t("banner")}
      </p>

      <div className="flex flex-col gap-6 p-5 sm:p-6">
        <h1 className="text-2xl font-bold text-slate-900">{t("pageTitle")}</h1>
        <OrderSummary order={order} amount={amount} t={t} />
        {order.status === "CREATED" ? (
          <>
            <SandboxCardForm orderId={order.orderId} amountLabel={amount} />
            <TestCards t={t} />
            <p>
              <a href={portalPath(order.returnUrl)} className="text-sm text-slate-700 underline">
                {t("cancel")}
              </a>
            </p>
          </>
        ) : (
          <Outcome order={order} delivery={delivery} t={t} />
        )}
      </div>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"payments.sandbox">>>;

function OrderSummary({ order, amount, t }: { order: TSandboxOrder; amount: string; t: T }) {
  const rows: SummaryRow[] = [
    { label: t("merchant"), value: t("merchantName") },
    { label: t("reference"), value: order.merchantRef },
    { label: t("description"), value: <span className="break-words">{order.description}</span> },
    { label: t("amount"), value: <span className="text-2xl font-bold text-slate-900">{amount}</span>, testId: "sandbox-amount" },
  ];
  return (
    <section aria-labelledby="sbx-order" className="rounded-lg bg-slate-100 p-4">
      <h2 id="sbx-order" className="sr-only">
        {t("orderTitle")}
      </h2>
      <SummaryList rows={rows} className="" />
    </section>
  );
}

function TestCards({ t }: { t: T }) {
  return (
    <section aria-labelledby="sbx-cards" className="rounded-lg border border-dashed border-slate-400 p-4">
      <h2 id="sbx-cards" className="mb-2 text-lg font-semibold">
        {t("testCards.title")}
      </h2>
      <DataTable
        caption={t("testCards.title")}
        rows={Object.entries(SANDBOX_TEST_CARDS)}
        rowKey={([card]) => card}
        columns={[
          { key: "card", header: t("testCards.card"), className: "font-mono", cell: ([card]) => groupCard(card) },
          { key: "outcome", header: t("testCards.outcome"), cell: ([, outcome]) => t(`testCards.${outcome}`) },
        ]}
      />
      <p className="mt-2 text-sm text-slate-700">{t("testCards.any")}</p>
    </section>
  );
}

function Outcome({ order, delivery, t }: { order: TSandboxOrder; delivery: "ok" | "failed" | undefined; t: T }) {
  const status = order.status === "CREATED" ? "PAID" : order.status;
  const ok = status === "PAID";
  return (
    <section aria-labelledby="sbx-result" className="flex flex-col gap-4">
      <div role="status" className={`rounded-lg border-l-8 p-4 ${ok ? "border-emerald-700 bg-emerald-50" : "border-red-700 bg-red-50"}`}>
        <h2 id="sbx-result" className={`text-xl font-bold ${ok ? "text-emerald-900" : "text-red-900"}`}>
          {t(`result.${status}.title`)}
        </h2>
        <p className="mt-1 text-slate-900">{t(`result.${status}.lead`)}</p>
        {delivery === "ok" ? (
          <p className="mt-2 text-sm text-slate-800" data-testid="callback-delivered">
            {t("result.delivered")}
          </p>
        ) : null}
        {delivery === "failed" ? <p className="mt-2 text-sm font-medium text-red-900">{t("result.notDelivered")}</p> : null}
      </div>
      <div className="flex flex-wrap items-start gap-3">
        {status === "DECLINED" ? (
          // A declined card is not a dead end: back to the payment step to pay again (a new order).
          <a
            href={`${portalPath(order.returnUrl).split("#")[0]}#step-payment`}
            data-testid="try-again"
            className="inline-flex items-center rounded-md bg-slate-900 px-5 py-2.5 font-semibold text-white hover:bg-slate-700"
          >
            {t("result.tryAgain")}
          </a>
        ) : null}
        <a
          href={portalPath(order.returnUrl)}
          className={
            status === "DECLINED"
              ? "inline-flex items-center px-2 py-2.5 text-slate-800 underline"
              : "inline-flex items-center rounded-md bg-slate-900 px-5 py-2.5 font-semibold text-white hover:bg-slate-700"
          }
        >
          {t("result.back")}
        </a>
        {delivery === "failed" ? <RedeliverForm orderId={order.orderId} label={t("result.redeliver")} /> : null}
      </div>
    </section>
  );
}

/**
 * The return address points into this portal: link it by path so the user stays on the origin they
 * are on (NEXTAUTH_URL may name another host than the one in the address bar, and the session
 * cookie belongs to that one).
 */
function portalPath(returnUrl: string): string {
  try {
    const u = new URL(returnUrl);
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return returnUrl;
  }
}
