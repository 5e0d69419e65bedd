"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { DomainError } from "@/lib/platform/core";
import { isDemoMode } from "@/lib/platform/demo";
import { formatDate, type Locale } from "@/lib/platform/i18n";
import { ZSelfServiceCertificateInput, issueSelfServiceCertificate } from "@/lib/trust/certificates";

/**
 * Sandbox CA self-service: the browser sends only a CSR (its key stays in the page); the answer
 * is the certificate and its chain, which the browser packs into the PKCS#12 with the password.
 */
export const issueTestCertificateAction = action(
  ZSelfServiceCertificateInput,
  async (input, { actor, meta, now }) => {
    // The sandbox CA issues certificates only in demo mode (issue 13, F7).
    if (!isDemoMode(process.env)) throw new DomainError("errors.not_found");
    const c = await issueSelfServiceCertificate(getDb(), { actor, csr: input.csr, now, meta });
    revalidatePath("/[locale]/applicant/test-certificate", "page");
    return { serial: c.serial, certificatePem: c.certificatePem, chainPem: c.chainPem, validUntil: formatDate(c.notAfter, (await getLocale()) as Locale), holderId: c.bin ?? c.iin ?? "" };
  },
  { permission: "pki.self_service" },
);
