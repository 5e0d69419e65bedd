import type { getTranslations } from "next-intl/server";
import type { CertificateListItem } from "@/lib/trust/certificates";
import type { TableColumn } from "@/components/ui/table";

type Eds = Awaited<ReturnType<typeof getTranslations<"eds">>>;
type Key = "holder" | "identifiers" | "purpose" | "role";

/** Translated purpose of a certificate ("Authentication", "Signing"). */
export const certificatePurpose = (te: Eds, c: Pick<CertificateListItem, "purpose">) => te(`purpose.${c.purpose}`);

/**
 * The columns that say whose a certificate is and what it is for, the same in every list of the
 * sandbox CA: holder (the row header, with the organisation and, for staff, the account), IIN/BIN,
 * purpose and the holder's role. Returned by name so a page puts them in its own order.
 */
export function certificateIdentityColumns(
  te: Eds,
  header: (key: Key) => string,
  opts: { login?: boolean } = {},
): Record<Key, TableColumn<CertificateListItem>> {
  return {
    holder: {
      key: "holder",
      header: header("holder"),
      rowHeader: true,
      cell: (c) => (
        <>
          <span className="font-medium">{c.holderName}</span>
          {c.organisation ? <span className="block text-xs text-slate-600">{c.organisation}</span> : null}
          {opts.login && c.user ? <span className="block font-mono text-xs text-slate-600">{c.user.login}</span> : null}
        </>
      ),
    },
    identifiers: {
      key: "identifiers",
      header: header("identifiers"),
      className: "font-mono",
      cell: (c) => (
        <>
          {c.iin ? (
            <span className="block">
              {te("labels.iin")} {c.iin}
            </span>
          ) : null}
          {c.bin ? (
            <span className="block">
              {te("labels.bin")} {c.bin}
            </span>
          ) : null}
        </>
      ),
    },
    purpose: { key: "purpose", header: header("purpose"), cell: (c) => certificatePurpose(te, c) },
    // A role the catalogue has no name for is shown as recorded.
    role: { key: "role", header: header("role"), cell: (c) => (te.has(`role.${c.role}`) ? te(`role.${c.role}`) : c.role) },
  };
}
