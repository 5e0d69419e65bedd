import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import type { Role } from "@/lib/platform/db";
import { homePathFor } from "@/lib/platform/auth/permissions";
import { isDemoMode } from "@/lib/platform/demo";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";
import { UnreadBadge } from "@/components/notifications/unread-badge";
import { MenuToggle } from "./menu-toggle";

type Props = { actor: { name: string; role: Role } | null; unread: number };

/** Role-aware navigation: each role sees the entry points of its own work. */
const OFFICER_NAV = [
  { href: "/officer", key: "worklist" },
  { href: "/licences", key: "licences" },
  { href: "/officer/registry", key: "registry" },
];
const NAV: Record<Role, { href: string; key: string }[]> = {
  APPLICANT: [
    { href: "/applicant", key: "myApplications" },
    { href: "/licences", key: "myLicences" },
    { href: "/applicant/complaints", key: "complaints" },
    { href: "/applicant/api-tokens", key: "apiTokens" },
    // The sandbox CA self-service: demo mode only (filtered below).
    { href: "/applicant/test-certificate", key: "testEds" },
  ],
  OFFICE_CLERK: [...OFFICER_NAV, { href: "/officer/walk-in", key: "walkIn" }],
  HEAD: OFFICER_NAV,
  DEPUTY_HEAD: OFFICER_NAV,
  DEPARTMENT_HEAD: OFFICER_NAV,
  EXECUTOR: OFFICER_NAV,
  SUPERVISOR: [
    { href: "/supervisor", key: "dashboard" },
    { href: "/licences", key: "licences" },
  ],
  ADMIN: [
    { href: "/admin", key: "administration" },
    { href: "/admin/certificates", key: "certificates" },
  ],
  PSC_OPERATOR: [
    { href: "/psc", key: "pscResults" },
    { href: "/officer/walk-in", key: "pscAccept" },
    { href: "/psc/complaints/new", key: "pscComplaint" },
  ],
  PSC_HEAD: [
    { href: "/psc", key: "pscResults" },
    { href: "/supervisor/complaints", key: "complaints" },
  ],
};

export async function SiteHeader({ actor, unread }: Props) {
  const t = await getTranslations("common");
  const demo = isDemoMode(process.env);
  const items = [{ href: "/", key: "catalogue" }, ...(actor ? NAV[actor.role] : [])].filter((i) => demo || i.key !== "testEds");
  return (
    <header className="border-b-4 border-gold-400 bg-brand-700 text-white" data-testid="site-header">
      {/* One row from 1024 px (≤ 80 px high at 1366 px); below it a menu button opens the panel. */}
      <div className="mx-auto flex max-w-[90rem] flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 sm:px-6 lg:flex-nowrap">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-bold whitespace-nowrap">
          <span aria-hidden="true" className="inline-block h-8 w-8 rounded-full bg-gold-400 text-center leading-8 text-brand-800">
            e
          </span>
          {t("appName")}
        </Link>
        <MenuToggle label={t("menu")} closeLabel={t("closeMenu")}>
          <nav aria-label={t("mainNavigation")} className="lg:min-w-0 lg:flex-1">
            <ul className="flex flex-col gap-3 text-base lg:flex-row lg:flex-wrap lg:gap-x-4 lg:gap-y-1 lg:text-sm">
              {items.map((i) => (
                <li key={i.href} className="lg:whitespace-nowrap">
                  <Link href={i.href} className="underline-offset-4 hover:underline">
                    {t(`nav.${i.key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex flex-wrap items-center gap-3 border-t border-white/30 pt-3 lg:shrink-0 lg:flex-nowrap lg:border-0 lg:pt-0">
            <Suspense fallback={null}>
              <LocaleSwitcher />
            </Suspense>
            {actor ? (
              <>
                <UnreadBadge count={unread} />
                <Link href={homePathFor(actor.role)} className="text-sm lg:max-w-40 lg:truncate" title={`${actor.name} · ${t(`roles.${actor.role}`)}`}>
                  <span className="sr-only">{t("signedInAs")} </span>
                  {actor.name} · {t(`roles.${actor.role}`)}
                </Link>
                <SignOutButton label={t("signOut")} />
              </>
            ) : (
              <>
                <Link href="/sign-in" className="rounded bg-white px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-brand-800 hover:bg-brand-50">
                  {t("signIn")}
                </Link>
                <Link href="/register" className="text-sm whitespace-nowrap underline underline-offset-4">
                  {t("register")}
                </Link>
              </>
            )}
          </div>
        </MenuToggle>
      </div>
    </header>
  );
}
