import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/platform/core";

/** A use case's "errors.not_found" (unknown id, wrong kind of record) becomes the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  // It called itself (a leftover of a refactoring): every page behind it overflowed the stack.
  try {
    return await p;
  } catch (e) {
    if (isDomainError(e) && e.code === "errors.not_found") notFound();
    throw e;
  }
}
