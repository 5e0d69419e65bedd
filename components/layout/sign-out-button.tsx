"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "@/components/i18n/navigation";

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      // Not signOut's own redirect: next-auth resolves it against NEXTAUTH_URL, which takes a user who
      // opened the portal on another host name (127.0.0.1 vs localhost) to a different origin.
      onClick={() =>
        void signOut({ redirect: false }).then(() => {
          router.replace("/");
          router.refresh();
        })
      }
      className="rounded border border-white/70 px-3 py-1.5 text-sm hover:bg-brand-600"
    >
      {label}
    </button>
  );
}
