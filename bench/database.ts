// The database a bench runs on, chosen by `--db pglite|postgres` (default pglite), and the
// options every database bench shares: `--scale 200k|1m|<n>` and `--json <file>` (the figures
// for bench/RESULTS.md). PostgreSQL is the server of DATABASE_URL (a fresh database is made on
// it and dropped after), or, without one, a throwaway server started on loopback the way
// `npm run test:pg` starts it: the bench connects as a login that is not a superuser, as the
// app does in production.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";

export type BenchDb = "pglite" | "postgres";

export interface BenchArgs {
  db: BenchDb;
  /** From `--scale`: 200k, 1m or a plain number; undefined when not given. */
  scale?: number;
  /** Where to write the figures as JSON (the bench runner reads them). */
  json?: string;
  /** The arguments left once the options are taken out. */
  positional: string[];
}

export function parseBenchArgs(argv = process.argv.slice(2)): BenchArgs {
  const args: BenchArgs = { db: "pglite", positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--db") {
      const db = value();
      if (db !== "pglite" && db !== "postgres") throw new Error(`--db takes pglite or postgres, not ${db}`);
      args.db = db;
    } else if (flag === "--scale") args.scale = parseScale(value());
    else if (flag === "--json") args.json = value();
    else args.positional.push(argv[i]);
  }
  return args;
}

/** "200k" -> 200000, "1m" -> 1000000, "5000" -> 5000. */
export function parseScale(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`--scale takes 200k, 1m or a number, not ${text}`);
  const factor = { "": 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * factor);
}

export interface BenchDatabase {
  kind: BenchDb;
  database: Database;
  /** The connection string on PostgreSQL (for a second client, e.g. COPY through pg). */
  url?: string;
  /** The data folder on PGlite (for a server process the bench starts on it). */
  dataDir?: string;
  /** "PGlite 0.5" / "PostgreSQL 15.x": printed in the bench's header. */
  label: string;
  close(): Promise<void>;
}

/** Opens a migrated, empty database of the kind asked for; `close` removes everything made. */
export async function openBenchDatabase(kind: BenchDb): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "dealflow-bench-"));
    const database = await openDatabase({ dataDir: path.join(dir, "db"), migrate: true });
    return {
      kind,
      database,
      dataDir: path.join(dir, "db"),
      label: "PGlite",
      async close() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = process.env.DATABASE_URL ? undefined : await startThrowawayServer();
  const serverUrl = process.env.DATABASE_URL ?? server!.url;
  const name = `dealflow_bench_${randomUUID().slice(0, 8)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, migrate: true });
  const version = await withClient(url, async (client) => (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version);
  return {
    kind,
    database,
    url,
    label: `PostgreSQL ${version.split(" ")[0]}`,
    async close() {
      await database.close();
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
      server?.stop();
    },
  };
}

/** A bench database (as `openBenchDatabase`) with one empty tenant and the client scoped to it. */
export async function openBenchTenant(kind: BenchDb) {
  // Closing the bench database ends pooled connections, which the pool logs as a warning.
  process.env.LOG_LEVEL ??= "error";
  const bench = await openBenchDatabase(kind);
  const { database } = bench;
  const tenant = await database.prisma.tenant.create({ data: { slug: "bench", name: "Bench" } });
  return { bench, database, tenant, db: scopeToTenant(database.prisma, tenant.id) };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function findPostgresBin(): string {
  const candidates = [...(process.env.PATH ?? "").split(":"), "/usr/local/bin"];
  if (existsSync("/usr/lib/postgresql")) for (const v of readdirSync("/usr/lib/postgresql")) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  const dir = candidates.find((d) => existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl")));
  if (!dir) throw new Error("PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql-15 or set DATABASE_URL");
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** A server in a temporary folder, tuned like the test server (no fsync: numbers are for the engine, not the disk). */
async function startThrowawayServer(): Promise<{ url: string; stop(): void }> {
  const bin = findPostgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "dealflow-bench-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root.
  const user = asRoot ? "nobody" : (process.env.USER ?? "postgres");
  if (asRoot) chownSync(dir, 65534, 65534);
  const run = (command: string) => {
    const result = asRoot ? spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", command], { encoding: "utf8" }) : spawnSync("sh", ["-c", command], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command}\n${result.stderr}`);
  };
  const port = await freePort();
  run(`'${bin}/initdb' -D '${data}' -U '${user}' -A trust --no-sync -E UTF8 >/dev/null`);
  writeFileSync(path.join(dir, "server.log"), "");
  if (asRoot) chownSync(path.join(dir, "server.log"), 65534, 65534);
  run(
    `'${bin}/pg_ctl' -D '${data}' -l '${dir}/server.log' -w -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 -c shared_buffers=256MB" start >/dev/null`,
  );
  const stop = () => {
    try {
      run(`'${bin}/pg_ctl' -D '${data}' -m immediate stop >/dev/null 2>&1`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await withClient(`postgresql://${user}@127.0.0.1:${port}/postgres`, (client) => client.query("CREATE ROLE dealflow LOGIN CREATEDB CREATEROLE"));
  } catch (error) {
    stop();
    throw error;
  }
  process.once("exit", () => existsSync(dir) && stop());
  return { url: `postgresql://dealflow@127.0.0.1:${port}/postgres`, stop };
}

/** One figure of a bench, as bench/RESULTS.md lists it. */
export interface BenchFigure {
  what: string;
  value: number;
  unit: string;
  /** "<= 50" etc.; absent where the figure has no goal. */
  goal?: string;
  /** The same run's baseline, in the same unit. */
  baseline?: number;
  baselineLabel?: string;
  met?: boolean;
}

/** Writes the figures where `--json` asked (the runner collects them); a no-op without it. */
export function writeFigures(args: BenchArgs, bench: string, db: BenchDatabase | BenchDb | "none", figures: BenchFigure[]): void {
  if (!args.json) return;
  const label = typeof db === "string" ? db : db.label;
  writeFileSync(args.json, JSON.stringify({ bench, db: label, scale: args.scale, figures }, null, 2));
}
