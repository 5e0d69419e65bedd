"use server";

import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import {
  recordPaperPackage,
  recordWalkInReceipt,
  registerWalkIn,
  currentScanList,
  signPackageScans,
  startInputFromForm,
  startWalkIn,
  ZRecordPaperPackageForm,
  ZStartWalkInForm,
  ZWalkInIdInput,
  ZWalkInReceiptForm,
  ZSignScansInput,
} from "@/lib/cases/intake";


/** Step (a): registry lookup result accepted, service chosen → a walk-in draft. */
export const startWalkInAction = action(
  ZStartWalkInForm,
  async (form, { actor, now, meta }) => {
    const { applicationId } = await startWalkIn(getDb(), { ...startInputFromForm(form), actor, now, meta });
    return { id: applicationId };
  },
  { permission: "application.intake" },
);

/** Steps (b) and (c): the application form and the paper checklist. */
export const recordPaperPackageAction = action(
  ZRecordPaperPackageForm,
  async (input, { actor, now, meta }) => {
    const { present } = await recordPaperPackage(getDb(), {
      actor,
      applicationId: input.applicationId,
      present: input.present,
      formData: input.formData,
      now,
      meta,
    });
    return { present };
  },
  { permission: "application.intake" },
);

/** Step (d): the fee receipt brought from the bank. */
export const recordWalkInReceiptAction = action(
  ZWalkInReceiptForm,
  async (input, { actor, now, meta }) => recordWalkInReceipt(getDb(), { actor, ...input, now, meta }),
  { permission: "application.intake" },
);

/** Step (e): register; the browser then opens the printable receipt. */
export const registerWalkInAction = action(
  ZWalkInIdInput,
  async ({ applicationId }, { actor, now, meta }) => {
    const r = await registerWalkIn(getDb(), { actor, applicationId, now, meta });
    return { id: r.applicationId, registrationNumber: r.registrationNumber };
  },
  { permission: "application.intake" },
);

/** PSC: the scan list to sign, read when the operator signs (the page's copy may predate the last upload). */
export const scanListToSignAction = action(
  ZWalkInIdInput,
  async ({ applicationId }, { actor }) => ({ contentBase64: Buffer.from(await currentScanList(getDb(), { actor, applicationId })).toString("base64") }),
  { permission: "application.intake" },
);

/** PSC: the operator's EDS signature over the scan list [004 L645-648]; the server re-computes the bytes. */
export const signScansAction = action(
  ZSignScansInput,
  async ({ applicationId, cms }, { actor, now, meta }) => {
    const verdict = await signPackageScans(getDb(), { actor, applicationId, cms: new Uint8Array(Buffer.from(cms, "base64")), now, meta });
    return { status: verdict.status };
  },
  { permission: "application.intake" },
);
