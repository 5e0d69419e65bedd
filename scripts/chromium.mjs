import { existsSync } from "node:fs";

/** The system Chromium the browser tests drive (Playwright cannot download browsers here). */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}
