import type { z } from "zod";
import { DomainError } from "@/lib/platform/core";

/**
 * A route's path parameters as `schema` reads them. Anything else names no record: the handler's
 * wrapper (`route`) answers 404 in the one error shape.
 */
export function pathParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const p = schema.safeParse(params);
  if (!p.success) throw new DomainError("errors.not_found");
  return p.data;
}
