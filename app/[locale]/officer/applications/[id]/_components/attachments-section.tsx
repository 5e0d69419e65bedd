import { getLocale, getTranslations } from "next-intl/server";
import type { TDocumentSlot } from "@/lib/law/catalogue";
import type { TDocumentView } from "@/lib/cases/documents";
import { formatDateTime, intlLocale, type Locale } from "@/lib/platform/i18n";
import { Section } from "./section";

function size(bytes: number, locale: Locale): string {
  const mb = bytes / (1024 * 1024);
  const [value, unit] = mb >= 1 ? [mb, "megabyte"] : [Math.max(bytes / 1024, 0.1), "kilobyte"];
  return new Intl.NumberFormat(intlLocale(locale), { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

/** The attachments with the slot they were uploaded for; open (preview) and download through /api/files. */
export async function AttachmentsSection({ documents, slots }: { documents: TDocumentView[]; slots: readonly TDocumentSlot[] }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.attachments");
  const slotLabel = (key: string) => slots.find((s) => s.key === key)?.label[locale] ?? key;
  return (
    <Section id="attachments" title={t("title", { count: documents.length })}>
      {documents.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-col gap-1 rounded border border-slate-200 p-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-3">
              <span className="text-sm text-slate-700 sm:w-full">{slotLabel(d.slotKey)}</span>
              {/* A download: uploaded files are never rendered on the portal's origin (issue 13). */}
              <a href={`/api/files/${d.id}`} className="font-medium text-brand-700 underline underline-offset-2" aria-label={t("downloadFile", { name: d.fileName })}>
                {d.fileName}
              </a>
              <span className="text-sm text-slate-700">
                {size(d.size, locale)} · {formatDateTime(d.createdAt, locale)}
                {d.scanned ? ` · ${t("scanned")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
