"use client";

import { useEffect } from "react";
import { useRouter } from "@/components/i18n/navigation";

/** After a successful server action, re-renders the page from the server (it shows the new state). */
export function useRefreshOnSuccess(state: { ok: boolean } | null | undefined) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
}
