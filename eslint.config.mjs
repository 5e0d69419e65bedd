import next from "eslint-config-next";

// Module boundaries (issue 17), failing the build:
// - lib modules are used through their index.ts only (or a declared second entry below);
// - the pure law modules import no database, no I/O and read no clock;
// - components/ never imports app/; only app/_server hands out the database, and app/ runs no
//   Prisma queries itself (use cases in lib/ do).
// tests/unit/lint/boundaries.test.ts proves each rule fails on a deliberately broken import.

/** Second entries a module declares besides its index (browser-safe or server-only halves). */
const SECOND_ENTRIES = ["trust/pki/server", "law/catalogue/form-schema", "platform/auth/permissions", "platform/i18n/config", "platform/http/node-bridge"];
const AREAS = "platform|law|trust|cases|oversight|integration";

const deepImport = {
  regex: `^@/lib/(?!(${SECOND_ENTRIES.join("|")})$)(${AREAS})/[^/]+/.+`,
  message: "Import a lib module through its index (`@/lib/<area>/<module>`) or a declared second entry (eslint.config.mjs SECOND_ENTRIES).",
};
const frameworkInLib = { group: ["next", "next/*", "react", "react-dom", "next-intl", "next-intl/*", "next-auth", "next-auth/*", "@/app/*", "@/components/*"], message: "lib/ must not depend on Next, React or the UI." };
const escapeModuleFromRoot = { regex: "^\\.\\./", message: "Reach another module through `@/lib/<area>/<module>`, not a relative path." };
const escapeModuleFromSub = { regex: "^\\.\\./\\.\\./", message: "Reach another module through `@/lib/<area>/<module>`, not a relative path." };
const impure = {
  group: ["@/lib/platform/db", "@/lib/platform/jobs", "@/lib/platform/log", "pg", "pg-boss", "node:fs", "fs", "node:fs/promises", "node:net", "node:child_process", "nodemailer"],
  message: "The law modules (workflow, calendar, deadlines, regulations) are pure: no database, no I/O.",
};
const appToComponents = { group: ["@/app/*", "@/app"], message: "components/ never imports app/: pass actions as props or keep route-specific components in the route's _components/." };
const dbOutsideServer = { name: "@/lib/platform/db", allowTypeImports: true, message: "Take the database from `@/app/_server/db` and hand it to a use case in lib/." };
const noClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pure law modules take `now` as a parameter; no clock." },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pure law modules take `now` as a parameter; no clock." },
];
const prismaQueryInApp = {
  selector: "CallExpression[callee.object.type='MemberExpression'][callee.property.name=/^(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|aggregate|groupBy|upsert|createMany|updateMany|deleteMany|\\$queryRaw|\\$queryRawUnsafe|\\$executeRaw|\\$executeRawUnsafe)$/]",
  message: "Pages and handlers do not query the database: call a use case in lib/.",
};

const restricted = (...patterns) => ["error", { patterns }];

const config = [
  ...next,
  {
    ignores: ["lib/platform/db/generated/**", ".next/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tests/unit/lint/fixtures/**", "scripts/*.d.mts", "lib/**/*.d.mts"],
  },
  {
    files: ["lib/*/*/*.ts"],
    rules: { "no-restricted-imports": restricted(frameworkInLib, deepImport, escapeModuleFromRoot) },
  },
  {
    files: ["lib/*/*/*/**/*.ts"],
    rules: { "no-restricted-imports": restricted(frameworkInLib, deepImport, escapeModuleFromSub) },
  },
  {
    files: ["lib/law/{workflow,calendar,deadlines,regulations}/*.ts"],
    rules: { "no-restricted-imports": restricted(frameworkInLib, deepImport, escapeModuleFromRoot, impure), "no-restricted-syntax": ["error", ...noClock] },
  },
  {
    files: ["lib/law/{workflow,calendar,deadlines,regulations}/*/**/*.ts"],
    rules: { "no-restricted-imports": restricted(frameworkInLib, deepImport, escapeModuleFromSub, impure), "no-restricted-syntax": ["error", ...noClock] },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [appToComponents, deepImport, { group: ["@/lib/platform/db", "@/lib/platform/db/*"], allowTypeImports: true, message: "UI does not touch the data layer (types are fine)." }] }] },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/_server/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [dbOutsideServer], patterns: [deepImport] }],
      "no-restricted-syntax": ["error", prismaQueryInApp],
    },
  },
];

export default config;
