import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createEmailableLead, demo, draftForLead, rotateWebhookSecret, signIn } from "./support";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [1440, 390];

/** Every page of the app an owner can open. Add a page here when it is added to app/. */
const APP_PAGES: { name: string; path: string | ((page: Page) => Promise<string>) }[] = [
  { name: "dashboard", path: "/dashboard" },
  { name: "prospects", path: "/deals" },
  { name: "deal", path: firstDealPath },
  { name: "deal buyers", path: async (page) => `${await firstDealPath(page)}/buyers` },
  { name: "import", path: "/deals/import" },
  { name: "buyer import", path: "/deals/import?kind=buyers" },
  { name: "deal comps", path: async (page) => `${await firstDealPath(page)}/comps` },
  { name: "deal documents", path: async (page) => `${await firstDealPath(page)}/documents` },
  { name: "sold comps import", path: "/deals/import?kind=comps" },
  { name: "new deal", path: "/deals/new" },
  { name: "capture", path: "/capture" },
  { name: "recently deleted", path: "/deals/deleted" },
  { name: "pipeline", path: "/pipeline" },
  { name: "analytics", path: "/analytics" },
  { name: "inbox", path: "/inbox" },
  { name: "outbox", path: "/outbox" },
  { name: "policies", path: "/policies" },
  { name: "engines", path: "/engines" },
  { name: "kpis", path: "/kpis" },
  { name: "kpis over 7 days", path: "/kpis?range=7d" },
  { name: "system", path: "/system" },
  { name: "audit", path: "/audit" },
  { name: "settings", path: "/settings" },
  { name: "members", path: "/settings/members" },
  { name: "api", path: "/settings/api" },
  { name: "integrations", path: "/settings/integrations" },
  { name: "compliance", path: "/settings/compliance" },
  { name: "dnc registries", path: "/settings/compliance/registries" },
  { name: "privacy requests", path: "/settings/privacy" },
  { name: "ladder", path: "/settings/ladder" },
  { name: "buyer settings", path: "/settings/buyers" },
  { name: "market intel settings", path: "/settings/market" },
  { name: "lead scoring settings", path: "/settings/scoring" },
  { name: "signals settings", path: "/settings/signals" },
  { name: "account", path: "/account" },
  { name: "buyers", path: "/buyers" },
  { name: "blasts", path: "/blasts" },
  { name: "new buyer", path: "/buyers/new" },
  { name: "buyer", path: firstBuyerPath },
  { name: "approvals", path: "/approvals" },
  { name: "approvals rejected", path: "/approvals?status=REJECTED" },
  { name: "draft", path: firstDraftPath },
  { name: "laboratory", path: "/laboratory" },
  { name: "market map", path: "/market" },
  { name: "experiment", path: ranExperimentPath },
];

/** An experiment's page with its comparison: one created and run now. */
async function ranExperimentPath(page: Page): Promise<string> {
  await page.goto("/laboratory");
  await page.getByLabel("Name").fill(`Axe experiment ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page).toHaveURL(/\/laboratory\/[^/]+$/);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Side by side with production" })).toBeVisible({ timeout: 30_000 });
  return new URL(page.url()).pathname;
}

/** A draft's page: the first one listed, or one drafted now for a new high-intent lead. */
async function firstDraftPath(page: Page): Promise<string> {
  await page.goto("/approvals?status=all");
  const listed = page.locator('main a[href^="/approvals/"]').first();
  if (await listed.count()) return (await listed.getAttribute("href"))!;
  const secret = await rotateWebhookSecret(page);
  const dealPath = await createEmailableLead(page, `${Math.floor(Math.random() * 9000) + 1000} Axe Draft Way`, `axe-${Date.now().toString(36)}@example.com`);
  return draftForLead(page, dealPath, secret);
}

/** A buyer's page: the first buyer listed, or one added now when the workspace has none. */
async function firstBuyerPath(page: Page): Promise<string> {
  await page.goto("/buyers");
  const listed = page.locator('main a[href^="/buyers/"]:not([href="/buyers/new"])').first();
  if (await listed.count()) return (await listed.getAttribute("href"))!;
  await page.goto("/buyers/new");
  await page.getByLabel("Name").fill(`Axe Buyer ${Date.now()}`);
  await page.getByRole("button", { name: "Add buyer" }).click();
  await expect(page).toHaveURL(/\/buyers\/(?!new)[^/]+$/);
  return new URL(page.url()).pathname;
}

/** A real deal's page: the first row of the prospects table. */
async function firstDealPath(page: Page): Promise<string> {
  await page.goto("/deals");
  const href = await page.locator('a[href^="/deals/"]:not([href="/deals/import"]):not([href="/deals/new"]):not([href="/deals/deleted"])').first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(summary, `${label}: axe violations`).toEqual([]);
}

for (const width of WIDTHS) {
  test(`the sign-in page passes axe at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/login");
    await expectNoViolations(page, `login at ${width}px`);
  });

  test(`every app page passes axe at ${width}px`, async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, demo.owner);
    await page.setViewportSize({ width, height: 900 });
    for (const entry of APP_PAGES) {
      const path = typeof entry.path === "string" ? entry.path : await entry.path(page);
      const response = await page.goto(path);
      expect(response?.status(), `${path} answers`).toBeLessThan(400);
      await page.waitForLoadState("networkidle");
      await expectNoViolations(page, `${entry.name} (${path}) at ${width}px`);
    }
  });
}

// The buyer deal page itself (a live link comes from a blast) is scanned in dispositions.spec.ts;
// its refusal pages are plain HTML of the same shell.
for (const width of WIDTHS) {
  test(`the buyer deal page's refusal passes axe at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(`/b/${"x".repeat(43)}`);
    expect(response?.status()).toBe(404);
    await expectNoViolations(page, `buyer link refusal at ${width}px`);
  });
}

test("the workspace chooser passes axe", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/choose-workspace");
  await expectNoViolations(page, "choose-workspace");
});
