import type { ReactNode } from "react";

/** A table cell's main text with a smaller second line under it (an identifier, a variant, a role). */
export function TwoLineCell({ main, sub, subClassName = "text-slate-700" }: { main: ReactNode; sub: ReactNode; subClassName?: string }) {
  return (
    <>
      {main}
      <span className={`block ${subClassName}`}>{sub}</span>
    </>
  );
}
