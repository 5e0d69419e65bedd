import { DomainError } from "@/lib/platform/core";
import { feeFor, getService, type TFeeQuote, type TVariantCode } from "@/lib/law/catalogue";
import type { Variant } from "@/lib/platform/db";

/** Application.variant (enum ISSUE…) → catalogue variant code (issue…). */
export function variantCode(variant: Variant): TVariantCode {
  return variant.toLowerCase() as TVariantCode;
}

/** Whether the service variant has a fee at all (mirrors feeFor, without needing an MCI value). */
export function feeRequired(serviceCode: string, variant: Variant): boolean {
  const svc = getService(serviceCode);
  if (!svc) throw new DomainError("catalogue.unknown_service", { service: serviceCode });
  return svc.fee.kind !== "free" && (svc.fee.mci[variantCode(variant)] ?? 0) > 0;
}

/** The fee in force at `now` for an application's service and variant. */
export function quoteFor(serviceCode: string, variant: Variant, now: Date): TFeeQuote {
  return feeFor(serviceCode, variantCode(variant), now);
}

