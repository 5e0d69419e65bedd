import { getTranslations } from "next-intl/server";
import { DeadEnd } from "@/components/ui/dead-end";

/** An unknown licence number: say so plainly and offer the search again (HTTP 404). */
export default async function LicenceNotFound() {
  const t = await getTranslations("licences.verify");
  return <DeadEnd title={t("notFoundTitle")} lead={t("notFoundLead")} way={{ href: "/verify", label: t("backToSearch") }} />;
}
