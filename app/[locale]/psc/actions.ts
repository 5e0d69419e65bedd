"use server";

import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { handOverAtPsc, returnToProvider, ZPscHandOverInput, ZPscReturnInput } from "@/lib/cases/psc";
import { acceptComplaintAtPsc, ZPscComplaintInput } from "@/lib/oversight/complaints";

/** The result handed to the applicant at the window [004 L755-757]. */
export const handOverAtPscAction = action(
  ZPscHandOverInput,
  async (input, { actor, now, meta }) => handOverAtPsc(getDb(), { actor, ...input, now, meta }),
  { permission: "psc.results" },
);

/** An uncollected result back to the provider after a month [004 L758-760]. */
export const returnToProviderAction = action(
  ZPscReturnInput,
  async (input, { actor, now, meta }) => returnToProvider(getDb(), { actor, ...input, now, meta }),
  { permission: "psc.results" },
);

/** A paper complaint accepted at the window, for the centre's head [004 L827-830]. */
export const acceptPscComplaintAction = action(
  ZPscComplaintInput,
  async (input, { actor, now, meta }) => {
    const c = await acceptComplaintAtPsc(getDb(), { actor, input, now, meta });
    return { id: c.id, ticketNumber: c.ticketNumber };
  },
  { permission: "psc.complaint_accept" },
);
