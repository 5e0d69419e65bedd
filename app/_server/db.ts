// The one door from the app layer to the database: pages, actions and route handlers take the
// client here and hand it to use cases in lib/ (which hold every query). ESLint keeps
// `@/lib/platform/db` out of the rest of app/ and forbids Prisma queries there.
export { getDb } from "@/lib/platform/db";
