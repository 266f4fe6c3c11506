import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type CliResult<J> = { code: number; stdout: string; stderr: string; json: J } | { code: number; stdout: string; stderr: string; json: null };

/**
 * Runs the installed bin as a user would, on the PGlite database under `dir`/pglite;
 * resolves with the exit code, both streams and, when it exits 0, stdout read as JSON.
 */
export async function runDealflow<J = Record<string, unknown>>(dir: string, args: string[]): Promise<CliResult<J>> {
  const env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "", LOG_LEVEL: "silent" };
  try {
    const { stdout, stderr } = await run("node", ["bin/dealflow.mjs", ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr, json: JSON.parse(stdout) as J };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, json: null };
  }
}
