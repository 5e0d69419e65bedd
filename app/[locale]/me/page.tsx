import { getLocale } from "next-intl/server";
import { redirect } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { homePathFor } from "@/lib/platform/auth";

/** After sign-in: send each role to its own home. */
export default async function MePage() {
  const actor = await requireActor("account.self");
  return redirect({ href: homePathFor(actor.role), locale: await getLocale() });
}
