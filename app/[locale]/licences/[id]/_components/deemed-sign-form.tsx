"use client";

import { useRouter } from "@/components/i18n/navigation";
import { SignLicenceDocument } from "@/components/signing/sign-licence-document";
import { prepareDeemedSignatureAction, signDeemedLicenceAction } from "../deemed-signing-actions";

/** A head signs a deemed-issued licence: its PDF gets the signature as a new revision. */
export function DeemedSignForm({ licenceId }: { licenceId: string }) {
  const router = useRouter();
  return (
    <SignLicenceDocument
      purpose="deemed"
      prepare={(certificateBase64) => prepareDeemedSignatureAction(null, { licenceId, certificateBase64 })}
      onSigned={async (s) => {
        const r = await signDeemedLicenceAction(null, { licenceId, preparationId: s.preparationId, cmsBase64: s.documentCmsBase64 });
        if (!r.ok) throw new Error(r.code);
        router.refresh();
      }}
    />
  );
}
