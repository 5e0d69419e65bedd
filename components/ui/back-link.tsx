import type { ComponentProps, ReactNode } from "react";
import { Link } from "@/components/i18n/navigation";

/** "Back to …" above a page title. */
export function BackLink({ href, children }: { href: ComponentProps<typeof Link>["href"]; children: ReactNode }) {
  return (
    <Link href={href} className="font-semibold text-brand-700 underline underline-offset-4">
      {children}
    </Link>
  );
}
