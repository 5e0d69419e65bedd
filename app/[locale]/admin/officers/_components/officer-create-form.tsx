"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/components/i18n/navigation";
import { createOfficerAction } from "@/app/[locale]/admin/officers/actions";
import type { TCreateOfficerInput } from "@/lib/oversight/admin";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { OfficerRoleFields, readRoleFields, type OrgOption, type RoleConfig } from "@/components/admin/officer-role-fields";
import { GeneratedPassword, PasswordChoice } from "@/components/admin/password-choice";
import { useFieldErrors } from "@/components/admin/use-field-errors";
import { OfficerFormFrame } from "./officer-form-frame";

type Props = RoleConfig & { organisations: OrgOption[]; defaultOrganisationId: string | null };

function CreateForm({ organisations, defaultOrganisationId, onAnother, ...roleConfig }: Props & { onAnother: () => void }) {
  const t = useTranslations("admin.officer");
  const [state, formAction, pending] = useActionState(createOfficerAction, null);
  const [role, setRole] = useState("EXECUTOR");
  const fe = useFieldErrors(state);

  if (state?.ok) {
    return (
      <Alert tone="success" title={t("created", { login: state.data.login })}>
        {state.data.generatedPassword ? <GeneratedPassword password={state.data.generatedPassword} /> : null}
        <div className="mt-3 flex flex-wrap gap-6">
          <Link href={`/admin/officers/${state.data.id}`} className="font-semibold underline underline-offset-4">
            {t("openCreated")}
          </Link>
          <button type="button" onClick={onAnother} className="font-semibold underline underline-offset-4">
            {t("createAnother")}
          </button>
        </div>
      </Alert>
    );
  }

  return (
    <OfficerFormFrame
      onData={(fd) => {
        const value = (k: string) => String(fd.get(k) ?? "");
        const passwordMode = value("passwordMode") === "set" ? "set" : "generate";
        formAction({
          login: value("login"),
          surname: value("surname"),
          givenName: value("givenName"),
          patronymic: value("patronymic"),
          iin: value("iin"),
          email: value("email"),
          phone: value("phone"),
          position: value("position"),
          ...readRoleFields(fd, role, roleConfig.signingRoles),
          passwordMode,
          password: passwordMode === "set" ? value("password") : null,
        } as TCreateOfficerInput);
      }}
      formError={fe.form}
      submitLabel={t("create")}
      busy={pending}
    >
      <Field id="of-login" name="login" label={t("login")} hint={t("loginHint")} required autoComplete="off" spellCheck={false} error={fe.field("login")} />
      <Field
        id="of-iin"
        name="iin"
        label={t("iin")}
        hint={t("iinHint")}
        required
        inputMode="numeric"
        maxLength={12}
        autoComplete="off"
        error={fe.field("iin")}
      />
      <Field id="of-surname" name="surname" label={t("surname")} required autoComplete="off" error={fe.field("surname")} />
      <Field id="of-givenName" name="givenName" label={t("givenName")} required autoComplete="off" error={fe.field("givenName")} />
      <Field id="of-patronymic" name="patronymic" label={t("patronymic")} autoComplete="off" error={fe.field("patronymic")} />
      <Field id="of-position" name="position" label={t("position")} autoComplete="off" error={fe.field("position")} />
      <Field id="of-email" name="email" type="email" label={t("email")} autoComplete="off" error={fe.field("email")} />
      <Field id="of-phone" name="phone" type="tel" label={t("phone")} autoComplete="off" error={fe.field("phone")} />
      <OfficerRoleFields
        {...roleConfig}
        role={role}
        onRole={setRole}
        organisations={organisations}
        defaultOrganisationId={defaultOrganisationId}
        defaultCanSign={false}
        defaultScope={null}
        error={fe.field}
      />
      <div className="sm:col-span-2">
        <PasswordChoice idPrefix="of" error={fe.field("password")} />
      </div>
    </OfficerFormFrame>
  );
}

/** New staff account; after creation the generated password is shown once, then "create another" starts afresh. */
export function OfficerCreateForm(props: Props) {
  const [round, setRound] = useState(0);
  return <CreateForm key={round} {...props} onAnother={() => setRound(round + 1)} />;
}
