import type { ComponentProps, ReactNode } from "react";
import type { UserActor } from "@/lib/platform/auth";
import { Link } from "@/components/i18n/navigation";
import { SupervisorNav, type TSupervisorSection } from "@/components/dashboard/sub-nav";
import { PageTitle } from "@/components/ui/page-title";
import { sectionsFor } from "../_lib/sections";

type Props = {
  actor: UserActor;
  /** The section of the area the page belongs to (marked current in the navigation). */
  section: TSupervisorSection;
  /** A link back to the list the page was opened from. */
  back?: { href: ComponentProps<typeof Link>["href"]; label: ReactNode };
  title: ReactNode;
  lead?: ReactNode;
};

/** The top of every supervisor page: the area's navigation (the sections the actor may open), a way back, the h1. */
export function SupervisorPageHeader({ actor, section, back, title, lead }: Props) {
  return (
    <>
      <SupervisorNav sections={sectionsFor(actor)} current={section} />
      {back ? (
        <p className="mb-2">
          <Link href={back.href} className="font-semibold text-brand-700 underline">
            {back.label}
          </Link>
        </p>
      ) : null}
      <PageTitle lead={lead}>{title}</PageTitle>
    </>
  );
}
