import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams, type ParamSpec } from "./kinds";

/** Date or ISO instant with offset → ISO string in UTC (what is stored). */
const ZInstantParam = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((v) => (v instanceof Date ? v : new Date(v)))
  .refine((d) => !Number.isNaN(d.getTime()), { message: "invalid instant" })
  .transform((d) => d.toISOString());

function schemaOf(spec: ParamSpec): z.ZodType {
  if (Array.isArray(spec)) return z.enum(spec as [string, ...string[]]);
  switch (spec) {
    case "text":
      return z.string().trim().min(1).max(4000);
    case "instant":
      return ZInstantParam;
    case "money":
      return z.number().int().nonnegative();
    case "service":
      return z.string().min(1).max(100);
    case "step":
      return z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
    case "id":
      return z.string().min(1).max(100);
    default:
      throw new Error(`notifications: unknown parameter type ${String(spec)}`);
  }
}

const SCHEMAS = new Map<NotificationKind, z.ZodType>(
  (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => {
    const shape = Object.fromEntries(Object.entries(NOTIFICATION_KINDS[kind].params).map(([name, spec]) => [name, schemaOf(spec)]));
    return [kind, z.object(shape).strict()];
  }),
);

/** The zod schema of a kind's params (strict: an unknown parameter is a programming error). */
export function paramsSchema(kind: NotificationKind): z.ZodType {
  return SCHEMAS.get(kind)!;
}

/**
 * Validates and normalises params for storage. Throws a plain Error (not a DomainError): wrong
 * params are a bug in the caller, and failing makes the caller's transaction roll back.
 */
export function parseParams<K extends NotificationKind>(kind: K, params: unknown): NotificationParams<K> {
  const r = paramsSchema(kind).safeParse(params);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`notifications: invalid params for kind "${kind}": ${issues}`);
  }
  return r.data as NotificationParams<K>;
}
