import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/components/i18n/navigation";

/** A link in running text or a row of links: brand colour, underlined; `strong` for the main way on. */
export function TextLink({ href, strong = false, children }: { href: ComponentProps<typeof Link>["href"]; strong?: boolean; children: ReactNode }) {
  return (
    <Link href={href} className={`${strong ? "font-semibold" : "font-medium"} text-brand-700 underline underline-offset-2`}>
      {children}
    </Link>
  );
}
