/**
 * Masks a name for public pages: every word keeps its first character ("«Ақтөбе Металл» ЖШС" →
 * "«А*** М***» Ж***"), so a holder recognises their receipt while strangers learn nothing.
 */
export function maskName(name: string): string {
  return name.replace(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu, (w) => `${Array.from(w)[0]}***`);
}
