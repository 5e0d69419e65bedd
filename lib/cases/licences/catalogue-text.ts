import { getService } from "@/lib/law/catalogue";

export type TI18nText = { kk: string; ru: string; en: string };

/** Title of a service: the catalogue's, else the mirror row's (a service the catalogue no longer has). */
export function serviceTitle(code: string, row?: { titleKk: string; titleRu: string; titleEn: string } | null): TI18nText {
  const s = getService(code);
  if (s) return { ...s.title };
  return row ? { kk: row.titleKk, ru: row.titleRu, en: row.titleEn } : { kk: code, ru: code, en: code };
}

export function serviceShortTitle(code: string, row?: { titleKk: string; titleRu: string; titleEn: string } | null): TI18nText {
  const s = getService(code);
  return s ? { ...s.shortTitle } : serviceTitle(code, row);
}

/** Label of an activity sub-type in the three languages (the code itself when unknown). */
export function subtypeLabel(serviceCode: string, code: string): TI18nText {
  const st = getService(serviceCode)?.activitySubtypes.find((a) => a.code === code);
  return st ? { ...st.label } : { kk: code, ru: code, en: code };
}

const RU_PREFIX = /^Выдача лицензии, переоформление, выдача дубликатов? лицензии на /;
const EN_PREFIX = /^Issuance, reissuance and issuance of duplicates of (?:a licence|licences) for /;
const KK_SUFFIX = /\s*лицензия(?:ны)? беру, қайта ресімдеу, лицензия(?:ның)? телнұсқа(?:лар)?(?:ын|сын) беру$/;
// The Kazakh title ends in a dative ("…асыруға лицензия беру"): the activity itself is the plain noun.
const KK_DATIVE: [RegExp, string][] = [
  [/асыруға$/, "асыру"],
  [/импортына$/, "импорты"],
  [/көрсетуге$/, "көрсету"],
];

const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase("ru") + s.slice(1) : s);

/**
 * The licensed activity as printed on a licence: the service title without its "issue, re-issue,
 * duplicate of a licence for …" frame. Where the title does not have that frame (permits,
 * conclusions, registration) the full title is the subject of the document.
 */
export function activityText(serviceCode: string, row?: { titleKk: string; titleRu: string; titleEn: string } | null): TI18nText {
  const t = serviceTitle(serviceCode, row);
  const ru = RU_PREFIX.test(t.ru) ? capitalise(t.ru.replace(RU_PREFIX, "")) : t.ru;
  let kk = t.kk;
  if (KK_SUFFIX.test(kk)) {
    kk = kk.replace(KK_SUFFIX, "");
    for (const [re, to] of KK_DATIVE) kk = kk.replace(re, to);
  }
  const en = EN_PREFIX.test(t.en) ? capitalise(t.en.replace(EN_PREFIX, "")) : t.en;
  return { kk: capitalise(kk), ru, en };
}
