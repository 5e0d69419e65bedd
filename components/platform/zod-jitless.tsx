"use client";

import { z } from "zod";

// zod probes once whether it may compile parsers with `Function("")`. Under the portal's CSP
// (no 'unsafe-eval' for scripts) that probe is refused and reported as a violation, so the browser
// parses without the JIT; the server keeps it.
z.config({ jitless: true });

/** Rendered once by the root layout so that this module is part of every page's client bundle. */
export function ZodJitless(): null {
  return null;
}
