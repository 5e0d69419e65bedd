"use client";

import { useTranslations } from "next-intl";
import { FieldError, FieldHint } from "@/components/ui/field-parts";
import { SelectField } from "@/components/ui/select-field";

export type OrgOption = { id: string; name: string; active: boolean };
export type RoleConfig = { roles: readonly string[]; signingRoles: readonly string[]; scopes: readonly string[] };

type Props = RoleConfig & {
  role: string;
  onRole: (role: string) => void;
  organisations: OrgOption[];
  defaultOrganisationId: string | null;
  defaultCanSign: boolean;
  defaultScope: string | null;
  /** An administrator's own account: the role cannot be changed here. */
  roleLocked?: boolean;
  error: (path: string) => string | undefined;
};

/**
 * Role, organisation, signing right (heads and deputy heads only) and supervision scope
 * (supervisors only): the dependent fields appear with the role that needs them.
 */
export function OfficerRoleFields({ roles, signingRoles, scopes, role, onRole, organisations, defaultOrganisationId, defaultCanSign, defaultScope, roleLocked, error }: Props) {
  const t = useTranslations("admin.officer");
  const tr = useTranslations("common.roles");
  const canSignAllowed = signingRoles.includes(role);
  return (
    <>
      <SelectField
        id="of-role"
        name="role"
        label={t("role")}
        markRequired
        value={role}
        onChange={(e) => onRole(e.target.value)}
        disabled={roleLocked}
        note={roleLocked ? t("ownRoleLocked") : undefined}
        error={error("role")}
        options={roles.map((r) => ({ value: r, label: tr(r) }))}
      />
      <SelectField
        id="of-organisationId"
        name="organisationId"
        label={t("organisation")}
        markRequired={role !== "ADMIN"}
        defaultValue={defaultOrganisationId ?? ""}
        error={error("organisationId")}
        placeholder={t("noOrganisation")}
        options={organisations.map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (${t("organisationInactive")})`, disabled: !o.active && o.id !== defaultOrganisationId }))}
      />
      {canSignAllowed ? (
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label className="flex items-center gap-2">
            <input
              id="of-canSign"
              type="checkbox"
              name="canSign"
              defaultChecked={defaultCanSign}
              aria-describedby={["of-canSign-hint", error("canSign") ? "of-canSign-error" : null].filter(Boolean).join(" ")}
              className="h-4 w-4"
            />
            <span className="font-medium">{t("canSign")}</span>
          </label>
          <FieldHint id="of-canSign-hint" className="text-sm text-slate-700">
            {t("canSignHint")}
          </FieldHint>
          <FieldError id="of-canSign-error">{error("canSign")}</FieldError>
        </div>
      ) : null}
      {role === "SUPERVISOR" ? (
        <SelectField
          id="of-supervisorScope"
          name="supervisorScope"
          label={t("supervisorScope")}
          markRequired
          defaultValue={defaultScope ?? ""}
          error={error("supervisorScope")}
          placeholder={t("chooseScope")}
          options={scopes.map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
        />
      ) : null}
    </>
  );
}

/** The role fields of a submitted form as the use case expects them. */
export function readRoleFields(fd: FormData, role: string, signingRoles: readonly string[]) {
  const scope = String(fd.get("supervisorScope") ?? "");
  return {
    role,
    organisationId: String(fd.get("organisationId") ?? "") || null,
    canSign: signingRoles.includes(role) && fd.get("canSign") === "on",
    supervisorScope: role === "SUPERVISOR" && scope ? scope : null,
  };
}
