// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
// schema of the last migration (its schema.snapshot.prisma) to the current
// prisma/schema.prisma, and stores the new snapshot beside it. Works offline: Prisma's
// WebAssembly schema engine diffs two schema files without any database. Hand-written SQL
// (triggers, policies) can be appended to the generated file before it is committed.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const MIGRATIONS = path.join("prisma", "migrations");
const SCHEMA = path.join("prisma", "schema.prisma");
const SNAPSHOT = "schema.snapshot.prisma";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name_in_snake_case>");
  process.exit(2);
}

const last = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort().pop();
const from = last ? path.join(MIGRATIONS, last, SNAPSHOT) : undefined;
if (from && !existsSync(from)) {
  console.error(`${from} is missing: the last migration has no schema snapshot to diff from.`);
  process.exit(1);
}

const diff = spawnSync(
  "npx",
  ["prisma", "migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", SCHEMA, "--script"],
  {
    encoding: "utf8",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  },
);
if (diff.status !== 0) {
  console.error(diff.stderr);
  process.exit(1);
}
const sql = diff.stdout.trim();
if (!sql || sql.startsWith("-- This is an empty migration")) {
  console.log("The schema matches the last migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
copyFileSync(SCHEMA, path.join(dir, SNAPSHOT));
console.log(`Wrote ${dir}/migration.sql`);
