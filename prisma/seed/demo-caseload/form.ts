// A complete, plausible application form for any service and variant, from the catalogue's own
// field list (the same list that renders and validates the portal's form).
import { formDefinition, getService, type TVariantCode } from "@/lib/law/catalogue";
import type { Rng } from "./random";

export function demoForm(r: Rng, serviceCode: string, variant: TVariantCode, o: { address: string; email: string | null }): Record<string, unknown> {
  const service = getService(serviceCode);
  if (!service) throw new Error(`demo caseload: unknown service ${serviceCode}`);
  const out: Record<string, unknown> = {};
  for (const f of formDefinition(service, variant)) {
    switch (f.kind) {
      case "multiselect": {
        const opts = f.options ?? [];
        const n = Math.max(f.minItems ?? 1, Math.min(opts.length, 1 + r.int(0, 2)));
        const start = r.int(0, Math.max(1, opts.length - n + 1));
        out[f.name] = opts.slice(start, start + n).map((x) => x.value);
        break;
      }
      case "select":
        out[f.name] = f.options?.[r.int(0, f.options.length)]?.value ?? "";
        break;
      case "email":
        out[f.name] = o.email ?? "office@demo.example.kz";
        break;
      case "phone":
        out[f.name] = `+7701${String(1000000 + r.int(0, 8999999))}`;
        break;
      case "date":
        out[f.name] = `2025-${String(1 + r.int(0, 12)).padStart(2, "0")}-${String(1 + r.int(0, 28)).padStart(2, "0")}`;
        break;
      case "number":
        out[f.name] = 1 + r.int(0, 50);
        break;
      default:
        out[f.name] = /address/i.test(f.name) ? o.address : /reason/i.test(f.name) ? "Түпнұсқа жоғалды" : "Демо деректер";
    }
  }
  return out;
}
