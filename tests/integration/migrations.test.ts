import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";
import {
  applyMigrations,
  listAppliedMigrations,
  pendingMigrations,
  readMigrationFiles,
  type MigrationFile,
} from "@/lib/db/migrate";

const opened: Database[] = [];
async function freshDatabase() {
  const database = await openDatabase({ dataDir: "memory://", migrate: false });
  opened.push(database);
  return database;
}
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const tables = async (database: Database) =>
  (
    await database.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )
  ).rows.map((r) => r.table_name);

function extraMigration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: sha256(sql) };
}

describe("migrations", () => {
  it("reads the shipped migrations in name order with sha256 checksums", async () => {
    const files = await readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    for (const file of files) expect(file.checksum).toBe(sha256(file.sql));
  });

  it("applies every migration to a fresh database, then none on a second run", async () => {
    const database = await freshDatabase();
    const files = await readMigrationFiles();
    expect(await pendingMigrations(database.sql)).toEqual(files.map((f) => f.name));

    const first = await applyMigrations(database.sql);
    expect(first).toEqual({ applied: files.map((f) => f.name), alreadyApplied: [] });
    expect(await tables(database)).toEqual(
      expect.arrayContaining(["Tenant", "User", "Membership", "Invitation", "AuditEvent", "Notification", "LoginAttempt", "_prisma_migrations"]),
    );
    expect(await pendingMigrations(database.sql)).toEqual([]);

    const second = await applyMigrations(database.sql);
    expect(second).toEqual({ applied: [], alreadyApplied: files.map((f) => f.name) });

    const { rows } = await database.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.checksum).toBe(files[i].checksum);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // The migrated schema works through Prisma.
    const tenant = await database.prisma.tenant.create({ data: { slug: "migrated", name: "Migrated" } });
    expect(tenant.timeZone).toBe("America/New_York");
  });

  it("refuses a migration edited after it was applied, naming the checksum", async () => {
    const database = await freshDatabase();
    const files = await readMigrationFiles();
    await applyMigrations(database.sql, files);
    const edited = files.map((f, i) =>
      i === 0 ? extraMigration(f.name, `${f.sql}\n-- sneaky edit\nCREATE TABLE "Sneaky" (id TEXT);`) : f,
    );
    const later = extraMigration("99990101000000_after_the_edit", `CREATE TABLE "AfterEdit" (id TEXT);`);
    await expect(applyMigrations(database.sql, [...edited, later])).rejects.toThrow(/checksum/);
    await expect(applyMigrations(database.sql, [...edited, later])).rejects.toThrow(files[0].name);
    // Nothing from the edit or after it ran.
    expect(await tables(database)).not.toContain("Sneaky");
    expect(await tables(database)).not.toContain("AfterEdit");
    expect([...(await listAppliedMigrations(database.sql)).values()]).toEqual(files.map((f) => f.checksum));
  });

  it("applies a new migration once and lists only unapplied shipped ones as pending", async () => {
    const database = await freshDatabase();
    const files = await readMigrationFiles();
    const extra = extraMigration("99990101000000_add_widgets", `CREATE TABLE "Widget" (id TEXT PRIMARY KEY);`);
    const report = await applyMigrations(database.sql, [...files, extra]);
    expect(report.applied).toEqual([...files.map((f) => f.name), extra.name]);
    expect(await tables(database)).toContain("Widget");
    expect(await applyMigrations(database.sql, [...files, extra])).toEqual({ applied: [], alreadyApplied: [...files.map((f) => f.name), extra.name] });
    expect(await pendingMigrations(database.sql)).toEqual([]);
  });

  it("rolls back a failing migration entirely and records nothing for it", async () => {
    const database = await freshDatabase();
    const files = await readMigrationFiles();
    const broken = extraMigration(
      "99990101000000_broken",
      `CREATE TABLE "HalfDone" (id TEXT);\nINSERT INTO "NoSuchTable" VALUES (1);`,
    );
    await expect(applyMigrations(database.sql, [...files, broken])).rejects.toThrow(/99990101000000_broken failed/);
    expect(await tables(database)).not.toContain("HalfDone");
    const applied = await listAppliedMigrations(database.sql);
    expect([...applied.keys()]).toEqual(files.map((f) => f.name));
    // The shipped ones before it were committed; fixing the migration lets it run.
    const fixed = extraMigration(broken.name, `CREATE TABLE "HalfDone" (id TEXT);`);
    expect((await applyMigrations(database.sql, [...files, fixed])).applied).toEqual([fixed.name]);
  });

  it("openDatabase with migrate: true leaves nothing pending", async () => {
    const database = await openDatabase({ dataDir: "memory://", migrate: true });
    opened.push(database);
    expect(await pendingMigrations(database.sql)).toEqual([]);
  });
});
