import { getOrganisation } from "@/lib/law/organisations";
import { getCatalogue } from "./load-catalogue";
import type { TProviderLevel, TRecipient, TService, TServiceKind } from "./schema";
import { buildSearchIndex, matchesQuery, type TSearchIndex } from "./search-text";

export type TServiceFilter = {
  /** Words searched in the titles and short titles in kk, ru and en (and the service code). */
  query?: string;
  providerLevel?: TProviderLevel;
  kind?: TServiceKind;
  /** Only services this organisation provides; unknown code gives an empty list. */
  organisationCode?: string;
  recipient?: TRecipient;
};

const INDEX = new Map<string, TSearchIndex>();

function indexOf(service: TService): TSearchIndex {
  let idx = INDEX.get(service.code);
  if (!idx) {
    const { title, shortTitle } = service;
    idx = buildSearchIndex([service.code, title.kk, title.ru, title.en, shortTitle.kk, shortTitle.ru, shortTitle.en]);
    INDEX.set(service.code, idx);
  }
  return idx;
}

/** Services in catalogue order (standard number) that pass every given filter. */
export function listServices(filter: TServiceFilter = {}): readonly TService[] {
  const org = filter.organisationCode !== undefined ? getOrganisation(filter.organisationCode) : undefined;
  if (filter.organisationCode !== undefined && !org) return [];
  const query = filter.query?.trim();
  return getCatalogue().services.filter(
    (s) =>
      (!filter.providerLevel || s.providerLevel === filter.providerLevel) &&
      (!filter.kind || s.kind === filter.kind) &&
      (!filter.recipient || s.recipients.includes(filter.recipient)) &&
      (!org || org.services.includes(s.code)) &&
      (!query || matchesQuery(indexOf(s), query)),
  );
}
