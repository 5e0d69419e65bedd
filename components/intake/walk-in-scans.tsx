"use client";

import { useRouter } from "@/components/i18n/navigation";
import { DocumentSlots, type AttachedDocument, type DocumentSlotItem } from "@/components/documents/document-slots";

type Props = { applicationId: string; slots: readonly DocumentSlotItem[]; documents: readonly AttachedDocument[]; maxBytes?: number };

/** Step (c): scans of the paper package; the page's checklist of what is still missing follows each upload. */
export function WalkInScans({ applicationId, slots, documents, maxBytes }: Props) {
  const router = useRouter();
  return (
    <DocumentSlots applicationId={applicationId} slots={slots} documents={documents} maxBytes={maxBytes} headingLevel={3} onChange={() => router.refresh()} />
  );
}
