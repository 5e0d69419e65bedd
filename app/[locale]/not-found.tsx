import { getTranslations } from "next-intl/server";
import { DeadEnd } from "@/components/ui/dead-end";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return <DeadEnd title={t("title")} lead={t("lead")} way={{ href: "/", label: t("home") }} />;
}
