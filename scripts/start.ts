// One command from a fresh clone to a running app on the embedded database: applies
// migrations, seeds the demo workspace on first run, builds when the sources changed,
// starts the Inngest Dev Server when it is installed, starts `next start` and prints where
// to sign in.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
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

/** The Inngest CLI that `npm ci` installed (the optional `inngest-cli` package), when its download worked. */
function inngestBinary(): string | null {
  const candidates = [path.join(root, "node_modules", "inngest-cli", "bin", "inngest"), path.join(root, "node_modules", ".bin", "inngest")];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** Whether the environment already names an Inngest (Cloud keys, a self-hosted server, or a Dev Server of its own). */
function inngestConfigured(): boolean {
  return ["INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL"].some((name) => !!env[name]);
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the Inngest Dev Server beside the app, pointed at its /api/inngest, and tells the
 * app to use it (INNGEST_DEV=1, INNGEST_BASE_URL). Without the binary (offline installs),
 * or when it does not come up, the app runs its background jobs itself.
 */
async function startInngestDevServer(): Promise<ChildProcess | null> {
  if (inngestConfigured()) return null;
  const binary = inngestBinary();
  if (!binary) {
    console.log("Inngest Dev Server not installed (the inngest-cli download needs the internet): the app runs its background jobs itself.");
    return null;
  }
  const devPort = Number(process.env.INNGEST_DEV_PORT ?? 8288);
  const baseUrl = `http://127.0.0.1:${devPort}`;
  const logFile = path.join(root, ".data", "inngest-dev.log");
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, "a");
  const child = spawn(binary, ["dev", "-u", `http://127.0.0.1:${port}/api/inngest`, "--no-discovery", "--port", String(devPort)], {
    stdio: ["ignore", log, log],
    env,
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answers(`${baseUrl}/health`)) {
      env.INNGEST_DEV = "1";
      env.INNGEST_BASE_URL = baseUrl;
      console.log(`Inngest Dev Server running at ${baseUrl} (log: ${path.relative(root, logFile)}).`);
      return child;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill("SIGTERM");
  console.log(`The Inngest Dev Server did not start (see ${path.relative(root, logFile)}): the app runs its background jobs itself.`);
  return null;
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

const devServer = await startInngestDevServer();
const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
    devServer?.kill(signal);
  });
}
// The Dev Server lives and dies with the app.
server.on("exit", (code) => {
  devServer?.kill("SIGTERM");
  process.exit(code ?? 0);
});
devServer?.on("exit", (code, signal) => {
  if (server.exitCode === null && !signal) console.warn(`The Inngest Dev Server stopped (exit ${code}); restart npm start to bring it back.`);
});

await waitForHealth(`http://127.0.0.1:${port}/api/health`);

/** What the app decided runs its background jobs, as its health check reports it. */
async function describeExecutor(): Promise<string> {
  try {
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health/detailed`)).json();
    const executor = health?.checks?.executor;
    if (!executor?.kind) return "unknown (see the System status page)";
    return `${executor.kind === "embedded" ? "the app's embedded runner" : "Inngest"} (${executor.reason})`;
  } catch {
    return "unknown (see the System status page)";
  }
}
const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
console.log(`
  Dealflow is running at ${env.NEXTAUTH_URL}
  Background jobs: ${await describeExecutor()}

  Demo logins (password: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`).join("\n")}
`);
