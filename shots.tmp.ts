import { chromium } from "@playwright/test";
const base = "http://localhost:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await context.newPage();
page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
page.on("console", (m) => { if (m.type() === "error") console.log("CONSOLE", m.text()); });
await page.goto(`${base}/login`);
await page.getByLabel("Email").fill("owner@demo.dealflow.app");
await page.getByLabel("Password").fill("dealflow-demo-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/dashboard/);
for (const [path, name] of (process.argv.slice(2).map((a) => a.split("=")) as [string, string][])) {
  const t = Date.now();
  await page.goto(`${base}${path}`);
  await page.waitForLoadState("networkidle");
  console.log(name, Date.now() - t, "ms", page.url());
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
await browser.close();
