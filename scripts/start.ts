// One command from a fresh clone to a running app on the embedded database: applies
// migrations, seeds the demo workspace on first run, builds when the sources changed,
// starts `next start` and prints where to sign in.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase, resolveDatabaseOptions } from "@/lib/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/lib/demo/seed";

const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOSTNAME ?? "localhost";
// The Next binary directly (not through npx), so signals reach the server and it can close
// the embedded database cleanly.
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };

function authSecret(): string {
  if (env.AUTH_SECRET || env.NEXTAUTH_SECRET) return (env.AUTH_SECRET ?? env.NEXTAUTH_SECRET)!;
  const file = path.join(root, ".data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "inngest", "generated", "public"]
    .map((d) => path.join(root, d))
    .filter(existsSync)
    .some((d) => newestSourceChange(d) > built);
}

async function waitForHealth(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app did not answer on ${url} within ${timeoutMs / 1000}s`);
}

env.NEXTAUTH_SECRET = authSecret();
env.NEXTAUTH_URL ??= `http://${host}:${port}`;

const options = resolveDatabaseOptions(env);
const database = await openDatabase({ ...options, migrate: true });
const { created } = await seedDemo(database.prisma);
await database.close();
console.log(`Database ready (${options.databaseUrl ? "PostgreSQL" : `PGlite in ${path.relative(root, options.dataDir!)}`})${created ? ", demo workspace seeded" : ""}.`);

if (process.env.SKIP_BUILD !== "1" && buildIsStale()) {
  console.log("Building the app (first run or sources changed)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

await waitForHealth(`http://127.0.0.1:${port}/api/health`);
const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
console.log(`
  Dealflow is running at ${env.NEXTAUTH_URL}

  Demo logins (password: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`).join("\n")}
`);
