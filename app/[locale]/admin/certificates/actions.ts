"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { ZRevokeCertificateInput, revokeCertificate } from "@/lib/trust/certificates";

/** Administrator revokes a sandbox certificate; the CRL and every later verification see it. */
export const revokeCertificateAction = action(
  ZRevokeCertificateInput,
  async (input, { actor, meta, now }) => {
    const r = await revokeCertificate(getDb(), { actor, serial: input.serial, reason: input.reason, now, meta });
    revalidatePath("/[locale]/admin/certificates", "page");
    revalidatePath("/[locale]/demo-certificates", "page");
    return { serial: r.serial };
  },
  { permission: "admin.pki" },
);
