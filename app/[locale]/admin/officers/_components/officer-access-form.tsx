"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { updateOfficerAction } from "@/app/[locale]/admin/officers/actions";
import type { TUpdateOfficerInput } from "@/lib/oversight/admin";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { OfficerRoleFields, readRoleFields, type OrgOption, type RoleConfig } from "@/components/admin/officer-role-fields";
import { useFieldErrors } from "@/components/admin/use-field-errors";

type Props = RoleConfig & {
  officer: { id: string; role: string; organisationId: string | null; canSign: boolean; supervisorScope: string | null; updatedAt: string };
  organisations: OrgOption[];
  isSelf: boolean;
};

/** Role, organisation, signing right and supervision scope of an existing account. */
export function OfficerAccessForm({ officer, organisations, isSelf, ...roleConfig }: Props) {
  const t = useTranslations("admin.officer");
  const [state, formAction, pending] = useActionState(updateOfficerAction, null);
  const [role, setRole] = useState(officer.role);
  const fe = useFieldErrors(state);
  return (
    <ActionForm
      onData={(fd) => formAction({ id: officer.id, ...readRoleFields(fd, role, roleConfig.signingRoles), expectedUpdatedAt: officer.updatedAt } as TUpdateOfficerInput)}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2"
    >
      {fe.form ? (
        <div className="sm:col-span-2">
          <Alert tone="error">{fe.form}</Alert>
        </div>
      ) : null}
      {state?.ok ? (
        <div className="sm:col-span-2">
          <Alert tone="success">{state.data.changed.length ? t("saved") : t("nothingChanged")}</Alert>
        </div>
      ) : null}
      <OfficerRoleFields
        {...roleConfig}
        role={role}
        onRole={setRole}
        organisations={organisations}
        defaultOrganisationId={officer.organisationId}
        defaultCanSign={officer.canSign}
        defaultScope={officer.supervisorScope}
        roleLocked={isSelf}
        error={fe.field}
      />
      <div className="sm:col-span-2">
        <Button type="submit" busy={pending}>
          {t("save")}
        </Button>
      </div>
    </ActionForm>
  );
}
