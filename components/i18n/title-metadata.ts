import { getTranslations } from "next-intl/server";

/**
 * The `generateMetadata` of a page whose title is one message, in the page's locale:
 * `export const generateMetadata = titleMetadata("psc.title");`
 */
export function titleMetadata(key: string) {
  return async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
    const t = await getTranslations({ locale: (await params).locale });
    return { title: t(key) };
  };
}
