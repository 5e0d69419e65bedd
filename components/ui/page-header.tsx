import type { ComponentProps, ReactNode } from "react";
import { BackLink } from "./back-link";
import { PageTitle } from "./page-title";

type Props = {
  /** "Back to …": the list or page this one was opened from. */
  back: { href: ComponentProps<typeof BackLink>["href"]; label: ReactNode };
  lead?: ReactNode;
  /** The page's h1. */
  children: ReactNode;
};

/** The head of a page opened from another: the way back above the title and its lead. */
export function PageHeader({ back, lead, children }: Props) {
  return (
    <>
      <p className="mb-3">
        <BackLink href={back.href}>{back.label}</BackLink>
      </p>
      <PageTitle lead={lead}>{children}</PageTitle>
    </>
  );
}
