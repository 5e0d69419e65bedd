import { notFound } from "next/navigation";
import { z } from "zod";

/** The `[id]` segment of a page, which must be a UUID; anything else is the 404 page (as an unknown id is). */
export async function idParam(params: Promise<{ id: string }>): Promise<string> {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  return id.data;
}
