/** A translator that can say whether it has a key (next-intl's `t` from the root namespace). */
type Translator = { (key: never): string; has: (key: never) => boolean };

/**
 * An audit event type in words, never the raw code: the workflow's own labels for
 * `application.<command>`, then the officer journal's, then the catalogue of every other event
 * (`messages/*\/auditTypes.json`), else "Other action". A unit test checks every type lib records.
 */
export function auditLabel(t: Translator, type: string): string {
  const k = (s: string) => s as never;
  const short = type.replace(/^application\./, "");
  const underscored = type.replace(/\./g, "_");
  for (const key of [type.startsWith("application.") ? `workflow.audit.${short}` : null, `officer.audit.types.${underscored}`, `auditTypes.${underscored}`]) {
    if (key && t.has(k(key))) return t(k(key));
  }
  return t(k("auditTypes.unknown"));
}
