import { listServices, type TService } from "@/lib/law/catalogue";
import { getOrganisation } from "@/lib/law/organisations";

/** Catalogue services provided by at least one organisation of the scope, in catalogue order. */
export function scopeServices(organisations: readonly { code: string }[]): readonly TService[] {
  const codes = new Set(organisations.flatMap((o) => getOrganisation(o.code)?.services ?? []));
  return listServices().filter((s) => codes.has(s.code));
}
