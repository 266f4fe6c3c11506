// Captures the main pages of a running app (npm start) for the README and for review.
// Usage: npx tsx scripts/screenshots.ts [baseUrl] [outDir]
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? "docs/screenshots";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function capture(user: string, pages: [string, string][], options: { width: number; height: number; dark?: boolean }) {
  const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, colorScheme: options.dark ? "dark" : "light" });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(user);
  await page.getByLabel("Password").fill("dealflow-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/dashboard/);
  for (const [path, name] of pages) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  }
  await context.close();
}

await capture("owner@demo.dealflow.app", [["/dashboard", "dashboard"], ["/settings/members", "members"], ["/audit", "audit"], ["/settings", "settings"], ["/system", "system"]], { width: 1280, height: 800 });
await capture("owner@demo.dealflow.app", [["/dashboard", "dashboard-dark"]], { width: 1280, height: 800, dark: true });
await capture("va@demo.dealflow.app", [["/dashboard", "va-dashboard"], ["/audit", "va-audit-forbidden"]], { width: 390, height: 844 });
await browser.close();
console.log(`Screenshots written to ${out}/`);
