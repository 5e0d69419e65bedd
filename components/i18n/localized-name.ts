/** Something the database names in the three languages (an organisation, a PSC). */
export type NamedInKkRuEn = { nameKk: string; nameRu: string; nameEn: string };

/** Its name in the reader's language. */
export function localizedName(o: NamedInKkRuEn, locale: string): string {
  return locale === "kk" ? o.nameKk : locale === "ru" ? o.nameRu : o.nameEn;
}
