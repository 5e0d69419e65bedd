"use client";

import { useRouter } from "@/components/i18n/navigation";
import { DocumentSlots, type DocumentSlotsProps } from "@/components/documents/document-slots";

/** The wizard's upload slots: after each upload or removal the page's step marks and checklist refresh. */
export function WizardDocuments(props: Omit<DocumentSlotsProps, "onChange">) {
  const router = useRouter();
  return <DocumentSlots {...props} onChange={() => router.refresh()} />;
}
