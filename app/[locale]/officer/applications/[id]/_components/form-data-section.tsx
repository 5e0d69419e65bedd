import { getLocale, getTranslations } from "next-intl/server";
import type { TFieldDescriptor } from "@/lib/law/catalogue";
import type { Locale } from "@/lib/platform/i18n";
import { Facts, Section } from "./section";

function text(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.map(text).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** The request form as the applicant filled it, with the catalogue's labels for fields and options. */
export async function FormDataSection({ formData, fields }: { formData: unknown; fields: readonly TFieldDescriptor[] }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.formData");
  const tAll = await getTranslations();
  const data = (formData ?? {}) as Record<string, unknown>;
  const label = (f: TFieldDescriptor) => (typeof f.label === "string" ? (tAll.has(f.label as never) ? tAll(f.label as never) : f.name) : f.label[locale]);
  const value = (f: TFieldDescriptor) => {
    const v = data[f.name];
    const option = (x: unknown) => f.options?.find((o) => o.value === x)?.label[locale] ?? text(x);
    if (f.kind === "multiselect" && Array.isArray(v)) {
      return v.length ? (
        <ul className="list-disc pl-5">
          {v.map((x) => (
            <li key={String(x)}>{option(x)}</li>
          ))}
        </ul>
      ) : (
        "—"
      );
    }
    return f.kind === "select" ? option(v) : text(v);
  };
  const known = new Set(fields.map((f) => f.name));
  const extra = Object.keys(data).filter((k) => !known.has(k));
  return (
    <Section id="form" title={t("title")}>
      {fields.length === 0 && extra.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <Facts rows={[...fields.map((f) => [label(f), value(f)] as [string, React.ReactNode]), ...extra.map((k) => [k, text(data[k])] as [string, string])]} />
      )}
    </Section>
  );
}
