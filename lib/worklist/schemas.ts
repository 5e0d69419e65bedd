import { z } from "zod";

/** Worklist filters as they live in the URL (zod-parsed; anything unknown is dropped). */
export const ZWorklistQuery = z.object({
  service: z.string().max(100).optional(),
  status: z.enum(["SUBMITTED", "IN_PROGRESS", "SUSPENDED", "DEEMED_ISSUED"]).optional(),
  q: z.string().trim().max(100).optional(),
  /** Keyset cursor: "<dueAt ISO>|<id>" of the last row of the previous page. */
  after: z.string().max(200).optional(),
});
export type TWorklistQuery = z.infer<typeof ZWorklistQuery>;
