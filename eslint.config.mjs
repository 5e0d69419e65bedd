import next from "eslint-config-next";

const config = [
  ...next,
  {
    ignores: ["lib/platform/db/generated/**", ".next/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // lib/ is framework-free domain code (docs/CONVENTIONS.md).
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*", "react", "react-dom", "@/app/*", "@/components/*"], message: "lib/ must not depend on Next, React or the UI." }] }],
    },
  },
  {
    files: ["components/**/*.tsx", "components/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/platform/db/generated/*"], message: "UI does not touch the data layer." }] }],
    },
  },
];

export default config;
