"use server";

import { action } from "@/app/_server/action";
import { runUseCase } from "@/app/_server/use-case-handler";
import { resumeLicence, suspendLicence, terminateLicence, ZResumeLicenceInput, ZSuspendLicenceInput, ZTerminateLicenceInput } from "@/lib/cases/licences";

const LICENCES = "/[locale]/licences";

export const suspendLicenceAction = action(ZSuspendLicenceInput, runUseCase(suspendLicence, { revalidate: LICENCES }), { permission: "licence.manage" });

export const resumeLicenceAction = action(ZResumeLicenceInput, runUseCase(resumeLicence, { revalidate: LICENCES }), { permission: "licence.manage" });

export const terminateLicenceAction = action(ZTerminateLicenceInput, runUseCase(terminateLicence, { revalidate: LICENCES }), { permission: "licence.manage" });
