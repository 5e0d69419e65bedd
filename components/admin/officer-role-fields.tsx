"use client";

import { useTranslations } from "next-intl";

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

const selectClass = "rounded border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700";

function ErrorText({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="text-sm font-medium text-red-700">
      {text}
    </p>
  ) : null;
}

/**
 * Role, organisation, signing right (heads and deputy heads only) and supervision scope
 * (supervisors only): the dependent fields appear with the role that needs them.
 */
export function OfficerRoleFields({ roles, signingRoles, scopes, role, onRole, organisations, defaultOrganisationId, defaultCanSign, defaultScope, roleLocked, error }: Props) {
  const t = useTranslations("admin.officer");
  const tr = useTranslations("common.roles");
  const canSignAllowed = signingRoles.includes(role);
  const described = (name: string, extra?: string) => [error(name) ? `of-${name}-error` : null, extra].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor="of-role" className="font-medium">
          {t("role")}
          <span aria-hidden="true" className="text-red-700"> *</span>
        </label>
        <select
          id="of-role"
          name="role"
          value={role}
          onChange={(e) => onRole(e.target.value)}
          disabled={roleLocked}
          aria-invalid={error("role") ? true : undefined}
          aria-describedby={described("role", roleLocked ? "of-role-locked" : undefined)}
          className={selectClass}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
        {roleLocked ? (
          <p id="of-role-locked" className="text-sm text-slate-700">
            {t("ownRoleLocked")}
          </p>
        ) : null}
        <ErrorText id="of-role-error" text={error("role")} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="of-organisationId" className="font-medium">
          {t("organisation")}
          {role !== "ADMIN" ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
        </label>
        <select
          id="of-organisationId"
          name="organisationId"
          defaultValue={defaultOrganisationId ?? ""}
          aria-invalid={error("organisationId") ? true : undefined}
          aria-describedby={described("organisationId")}
          className={selectClass}
        >
          <option value="">{t("noOrganisation")}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id} disabled={!o.active && o.id !== defaultOrganisationId}>
              {o.active ? o.name : `${o.name} (${t("organisationInactive")})`}
            </option>
          ))}
        </select>
        <ErrorText id="of-organisationId-error" text={error("organisationId")} />
      </div>
      {canSignAllowed ? (
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label className="flex items-center gap-2">
            <input id="of-canSign" type="checkbox" name="canSign" defaultChecked={defaultCanSign} aria-describedby={described("canSign", "of-canSign-hint")} className="h-4 w-4" />
            <span className="font-medium">{t("canSign")}</span>
          </label>
          <p id="of-canSign-hint" className="text-sm text-slate-700">
            {t("canSignHint")}
          </p>
          <ErrorText id="of-canSign-error" text={error("canSign")} />
        </div>
      ) : null}
      {role === "SUPERVISOR" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="of-supervisorScope" className="font-medium">
            {t("supervisorScope")}
            <span aria-hidden="true" className="text-red-700"> *</span>
          </label>
          <select
            id="of-supervisorScope"
            name="supervisorScope"
            defaultValue={defaultScope ?? ""}
            aria-invalid={error("supervisorScope") ? true : undefined}
            aria-describedby={described("supervisorScope")}
            className={selectClass}
          >
            <option value="">{t("chooseScope")}</option>
            {scopes.map((s) => (
              <option key={s} value={s}>
                {t(`scopes.${s}`)}
              </option>
            ))}
          </select>
          <ErrorText id="of-supervisorScope-error" text={error("supervisorScope")} />
        </div>
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
