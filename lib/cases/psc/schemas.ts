import { z } from "zod";

export const ZPscHandOverInput = z.object({
  applicationId: z.uuid(),
  recipientName: z.string().trim().min(3, { message: "validation.required" }).max(300, { message: "validation.too_big" }),
});
export const ZPscReturnInput = z.object({ applicationId: z.uuid() });
