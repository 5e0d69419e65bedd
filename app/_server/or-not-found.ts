import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/platform/core";

/** A use case's "errors.not_found" (unknown id, wrong kind of record) becomes the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  return await orNotFound(p);
}
