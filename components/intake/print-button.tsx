"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
