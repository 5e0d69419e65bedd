import { readFileSync } from "node:fs";
import path from "node:path";
import { TIME_ZONE } from "@/lib/platform/i18n";
import type { TLicencePdfFonts } from "./types";

/**
 * DejaVu Serif (regular and bold), shipped in `lib/cases/licence-pdf/fonts` with its licence: it has
 * every Kazakh letter (ә ғ қ ң ө ұ ү һ і). Read from the repository root (the server and the tests
 * run there); `LICENCE_PDF_FONT_DIR` overrides the folder for other layouts.
 */
let cached: TLicencePdfFonts | undefined;

export function loadLicenceFonts(): TLicencePdfFonts {
  if (cached) return cached;
  const dir = process.env.LICENCE_PDF_FONT_DIR ?? path.join(process.cwd(), "lib", "cases", "licence-pdf", "fonts");
  cached = {
    regular: new Uint8Array(readFileSync(path.join(dir, "DejaVuSerif.ttf"))),
    bold: new Uint8Array(readFileSync(path.join(dir, "DejaVuSerif-Bold.ttf"))),
  };
  return cached;
}

const dateFmt = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function parts(d: Date) {
  const p = Object.fromEntries(dateFmt.formatToParts(d).map((x) => [x.type, x.value]));
  return { day: p.day!, month: p.month!, year: p.year!, hour: p.hour!, minute: p.minute! };
}

/** 30.11.2026 (Almaty date), the form Kazakh documents use in both languages. */
export function docDate(d: Date): string {
  const p = parts(d);
  return `${p.day}.${p.month}.${p.year}`;
}

/** 30.11.2026 14:05 (Almaty time). */
export function docDateTime(d: Date): string {
  const p = parts(d);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}
