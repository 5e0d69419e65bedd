import type { HTMLAttributes, ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/** What a badge's colour says; callers pick the meaning, the palette lives here. */
export const BADGE_TONES = {
  neutral: "bg-slate-100 text-slate-800",
  closed: "bg-slate-200 text-slate-800",
  info: "bg-brand-100 text-brand-800",
  warning: "bg-amber-100 text-amber-900",
  success: "bg-green-100 text-green-900",
  danger: "bg-red-100 text-red-900",
  late: "bg-orange-100 text-orange-900",
  deemed: "bg-purple-100 text-purple-900",
} as const;
export type BadgeTone = keyof typeof BADGE_TONES;

/** The tone of each code a badge shows (status, deadline level …). */
export type BadgeToneMap = Readonly<Record<string, BadgeTone>>;

/** Deadline levels (applications and complaints alike). */
export const DEADLINE_TONES: BadgeToneMap = { ON_TIME: "success", DUE_SOON: "warning", OVERDUE: "danger" };

type BadgeProps = { tone?: BadgeTone | null; strong?: boolean; children: ReactNode } & Omit<HTMLAttributes<HTMLSpanElement>, "className">;

/** A short status label on a tinted background (the text always says what the colour means). */
export function Badge({ tone, strong = false, children, ...rest }: BadgeProps) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm ${strong ? "font-semibold" : "font-medium"} ${tone ? BADGE_TONES[tone] : ""}`} {...rest}>
      {children}
    </span>
  );
}

/** A badge for a code: its label is the message `<namespace>.<code>`, its tone comes from `tones`. */
export async function CodeBadge({
  namespace,
  code,
  tones,
  fallback,
  ...rest
}: { namespace: string; code: string; tones: BadgeToneMap; fallback?: BadgeTone } & Omit<BadgeProps, "tone" | "children">) {
  const t = await getTranslations(namespace);
  return (
    <Badge tone={tones[code] ?? fallback} {...rest}>
      {t(code)}
    </Badge>
  );
}
