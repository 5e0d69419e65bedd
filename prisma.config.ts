import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { poolConfigFromUrl } from "./lib/platform/db/pool-config";

// Engine-free set-up (see ../shared/notes/environment.md): the CLI talks to PostgreSQL through
// the pg adapter and runs the schema engine as WebAssembly, so nothing is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaPg(poolConfigFromUrl(process.env.DATABASE_URL)),
});
