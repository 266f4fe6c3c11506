// Applies prisma/migrations to DATABASE_URL (PostgreSQL) or the embedded PGlite, recording
// each in _prisma_migrations exactly as Prisma Migrate does.
import { openDatabase, resolveDatabaseOptions } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

const options = resolveDatabaseOptions();
const database = await openDatabase(options);
try {
  const report = await applyMigrations(database.sql);
  const target = options.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${options.dataDir}`;
  console.log(`Migrations on ${target}: ${report.applied.length} applied, ${report.alreadyApplied.length} already current.`);
  for (const name of report.applied) console.log(`  applied ${name}`);
} finally {
  await database.close();
}
