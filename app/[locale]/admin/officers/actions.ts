"use server";

import { action } from "@/app/_server/action";
import { afterFreshSignIn, runUseCase } from "@/app/_server/use-case-handler";
import {
  createOfficer,
  resetOfficerPassword,
  setOfficerActive,
  updateOfficer,
  ZCreateOfficerInput,
  ZResetOfficerPasswordInput,
  ZSetOfficerActiveInput,
  ZUpdateOfficerInput,
} from "@/lib/oversight/admin";

// Officers' accounts, roles and signing rights are changed only within 15 minutes of a sign-in
// (re-authentication, issue 13 F5 / ASVS 4.0 V3.7.1); otherwise `auth.reauthenticate`.

const ADMIN = "/[locale]/admin";

export const createOfficerAction = action(ZCreateOfficerInput, afterFreshSignIn(runUseCase(createOfficer, { revalidate: ADMIN })), {
  permission: "admin.users",
});

export const updateOfficerAction = action(ZUpdateOfficerInput, afterFreshSignIn(runUseCase(updateOfficer, { revalidate: ADMIN })), {
  permission: "admin.users",
});

export const setOfficerActiveAction = action(ZSetOfficerActiveInput, afterFreshSignIn(runUseCase(setOfficerActive, { revalidate: ADMIN })), {
  permission: "admin.users",
});

export const resetOfficerPasswordAction = action(ZResetOfficerPasswordInput, afterFreshSignIn(runUseCase(resetOfficerPassword)), { permission: "admin.users" });
