"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { updateOfficerAction } from "@/app/[locale]/admin/officers/actions";
import type { TUpdateOfficerInput } from "@/lib/oversight/admin";
import { OfficerRoleFields, readRoleFields, type OrgOption, type RoleConfig } from "@/components/admin/officer-role-fields";
import { useFieldErrors } from "@/components/admin/use-field-errors";
import { OfficerFormFrame } from "./officer-form-frame";

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
    <OfficerFormFrame
      onData={(fd) =>
        formAction({ id: officer.id, ...readRoleFields(fd, role, roleConfig.signingRoles), expectedUpdatedAt: officer.updatedAt } as TUpdateOfficerInput)
      }
      formError={fe.form}
      notice={state?.ok ? (state.data.changed.length ? t("saved") : t("nothingChanged")) : null}
      submitLabel={t("save")}
      busy={pending}
    >
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
    </OfficerFormFrame>
  );
}
