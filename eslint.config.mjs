// The layers, enforced. lib/ is the domain: it never reaches up into the edges (app/,
// inngest/) or the UI (components/), and it is handed a tenant-scoped db instead of
// opening the root client. components/ are UI: server actions reach them as props from
// the pages in app/. Tables have one writing area each.
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const ROOT_CLIENT = {
  name: "@/lib/db/client",
  importNames: ["getPrisma", "getDatabase"],
  message:
    "The root client is for lib/db, the outbox dispatcher and cross-tenant jobs. Take a TenantDb (requireTenant, apiRoute, or tenantDbFor/tenantDbBySlug in lib/db/edge.ts at an edge).",
};

const LIB_LAYER = [
  { group: ["@/inngest", "@/inngest/*", "**/inngest/*"], message: "lib/ is the domain: events live in lib/events/catalog.ts; Inngest functions call lib, not the reverse." },
  { group: ["@/app", "@/app/*", "**/app/*"], message: "lib/ never imports routes or pages." },
  { group: ["@/components", "@/components/*", "**/components/*"], message: "lib/ never imports UI components." },
];

const HTTP_STATUS = {
  name: "@/lib/http/api-route",
  importNames: ["withStatus"],
  message: "Domain code returns results; the route handler in app/ picks the HTTP status.",
};

/** `<delegate>.<write>(…)` on a model owned by another area. */
function tableWrites(delegate, owner) {
  return {
    selector: `CallExpression > MemberExpression.callee[object.property.name='${delegate}'][property.name=/^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/]`,
    message: `Only ${owner} writes this table: call its functions.`,
  };
}

function bulkWrites(table, owner) {
  return {
    selector: `CallExpression[callee.name='insertRows'] > Literal.arguments[value='${table}']`,
    message: `Only ${owner} writes ${table}: call its functions.`,
  };
}

export default tseslint.config(
  {
    ignores: [
      "node_modules/**", ".next/**", "generated/**", ".data/**", "coverage/**",
      "test-results/**", "playwright-report/**", "next-env.d.ts", "bin/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-restricted-imports": ["error", { paths: [ROOT_CLIENT] }],
    },
    settings: { next: { rootDir: "." } },
  },
  // Hooks live in the UI; lib/db's `useDatabase` is not one.
  {
    files: ["app/**", "components/**"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ROOT_CLIENT, HTTP_STATUS], patterns: LIB_LAYER }],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ROOT_CLIENT],
          patterns: [{ group: ["@/app", "@/app/*", "**/app/*"], message: "Components take server actions as props from their page." }],
        },
      ],
    },
  },
  // Table owners: every other place reads through the owner's functions.
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/deals/**", "lib/outbound/**", "lib/tenants/**", "tests/**", "bench/**", "prisma/**", "scripts/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        tableWrites("deal", "lib/deals"),
        bulkWrites("Deal", "lib/deals"),
        tableWrites("message", "lib/outbound"),
        tableWrites("messageEvent", "lib/outbound"),
      ],
    },
  },
  {
    files: ["lib/outbound/**"],
    rules: { "no-restricted-syntax": ["error", tableWrites("deal", "lib/deals"), bulkWrites("Deal", "lib/deals"), tableWrites("tenant", "lib/tenants")] },
  },
  {
    files: ["lib/deals/**"],
    rules: { "no-restricted-syntax": ["error", tableWrites("message", "lib/outbound"), tableWrites("tenant", "lib/tenants")] },
  },
  // The root client's allowed users, each for a reason it states where it is used.
  {
    files: [
      "lib/db/**",
      "lib/auth/**", // users, memberships and sign-in attempts are global, not tenant-owned
      "lib/events/dispatch-runtime.ts", // the dispatcher claims every tenant's outbox rows
      "lib/system/**", // health and migration state of the whole installation
      "lib/ratelimit/store.ts", // rate-limit buckets are global, shared by every process
      "lib/runtime/**", // the embedded runner claims every tenant's jobs; its crons list tenants
      "inngest/functions/dispatcher.ts",
      "inngest/functions/audit-digest.ts", // cron fan-out over tenants
      "inngest/functions/engines.ts", // safety-net cron over tenants
      "inngest/functions/heartbeat.ts", // the installation-wide heartbeat row
      "app/api/health/**",
      "cli/credentials-rotate.ts", // re-encrypts every workspace's credentials: lists the tenants
      "scripts/**", "prisma/**", "tests/**", "bench/**",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["tests/**", "bench/**", "scripts/**", "prisma/**", "cli/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@next/next/no-html-link-for-pages": "off" },
  },
);
