import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// One data folder per port, so runs on different ports do not share a database.
const dataDir = `.data/e2e-${port}`;
// Debian's Chromium when present (Playwright's browser download is not possible offline).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  // Per port, so runs on different ports do not delete each other's traces.
  outputDir: `test-results/e2e-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A production build on a fresh embedded database, seeded with the demo workspace.
    command: `rm -rf ${dataDir} && npm start`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      PGLITE_DATA_DIR: `${dataDir}/pglite`,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-0123456789",
      LOG_LEVEL: "warn",
      // A fixed key so the Integrations page can save; 32 bytes, for tests only.
      CREDENTIALS_KEY: "ZTJlLWNyZWRlbnRpYWxzLWtleS1ub3Qtc2VjcmV0ISE=",
    },
  },
});
