"use server";

import { action } from "@/app/_server/action";
import { runUseCase } from "@/app/_server/use-case-handler";
import { setOrganisationActive, updateOrganisation, ZSetOrganisationActiveInput, ZUpdateOrganisationInput } from "@/lib/oversight/admin";

const ADMIN = "/[locale]/admin";

export const updateOrganisationAction = action(ZUpdateOrganisationInput, runUseCase(updateOrganisation, { revalidate: ADMIN }), {
  permission: "admin.organisations",
});

export const setOrganisationActiveAction = action(ZSetOrganisationActiveInput, runUseCase(setOrganisationActive, { revalidate: ADMIN }), {
  permission: "admin.organisations",
});
