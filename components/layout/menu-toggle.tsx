"use client";

import { useState, type ReactNode } from "react";
import { usePathname } from "@/components/i18n/navigation";

/**
 * The header's collapsible menu below 1024 px (GOV.UK header pattern): a "Menu" button with
 * aria-expanded controlling the navigation panel; from 1024 px the panel is always shown in one row.
 * Without JavaScript the panel stays hidden on small screens, but every page is reachable from the
 * footer and the home page.
 */
export function MenuToggle({ label, closeLabel, children }: { label: string; closeLabel: string; children: ReactNode }) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="ml-auto inline-flex items-center gap-2 rounded border border-white/70 px-3 py-1.5 text-sm font-semibold hover:bg-brand-600 lg:hidden"
        data-testid="menu-button"
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        {open ? closeLabel : label}
      </button>
      <div id="site-menu" className={`${open ? "flex" : "hidden"} w-full flex-col gap-4 pb-3 lg:flex lg:w-auto lg:min-w-0 lg:flex-1 lg:flex-row lg:items-center lg:gap-4 lg:pb-0`}>
        {children}
      </div>
    </>
  );
}
