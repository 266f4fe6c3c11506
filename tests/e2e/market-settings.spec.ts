import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shoot = screenshotsTo(process.env.SCREENSHOTS_DIR ?? "/tmp/shots-d");

test("market intel settings: a bad threshold is shown beside its field, a good one saves and ranks again", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/settings/market");
  await expect(page.getByRole("heading", { name: "Market intel", level: 1 })).toBeVisible();
  await expect(page.getByText("Default: 4.")).toBeVisible();
  const hotCount = page.getByText("Hot", { exact: true }).locator("xpath=following-sibling::dd");
  await expect(hotCount).not.toHaveText("0");

  const deals4w = page.getByLabel("New deals in 4 weeks, at least");
  await deals4w.fill("-3");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.locator("#hotMinDeals4w-error")).toHaveText("Cannot be negative");
  await expect(deals4w).toHaveAttribute("aria-invalid", "true");
  await shoot(page, "market-settings-error");

  // A bar no demo area reaches: no area stays hot.
  await deals4w.fill("500");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Market intel thresholds saved")).toBeVisible();
  await page.reload();
  await expect(deals4w).toHaveValue("500");
  await expect(hotCount).toHaveText("0");
  await deals4w.fill("4");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Market intel thresholds saved")).toBeVisible();
  await page.reload();
  await expect(hotCount).not.toHaveText("0");
  await shoot(page, "market-settings");
  await expectNoAxeViolations(page, "market settings");
});

test("analytics shows the velocity of the leading areas, the hot and cold lists and ranks by market", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Market intel" })).toBeVisible();
  const hot = page.getByRole("list", { name: "Hot areas" });
  await expect(hot.getByRole("listitem").first()).toContainText(/HOT: \d+ deals in 4 weeks/);
  await expect(page.getByRole("list", { name: "Cold areas" }).getByRole("listitem").first()).toContainText("COLD:");
  await expect(hot.getByRole("link").first()).toHaveAttribute("href", /^\/market\?area=\d{5}$/);
  await expect(page.locator("figure[aria-label^='New deals per week'] svg .recharts-line").first()).toBeVisible();
  await expect(page.locator("figure[aria-label^='Postal areas by rank'] svg .recharts-bar-rectangle").first()).toBeVisible();
  await shoot(page, "analytics-market");
  await expectNoAxeViolations(page, "analytics");
});

test("a VA cannot open the market intel settings", async ({ page }) => {
  await signIn(page, demo.va);
  const response = await page.goto("/settings/market");
  expect(response?.status()).toBeGreaterThanOrEqual(400);
});

test("the bell loads the owner's notifications when it opens, and marks them read", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/dashboard");
  await page.getByRole("button", { name: /^Notifications, [1-9]\d* unread$/ }).click();
  const menu = page.getByRole("menu");
  // The seed's market pass told the owner which areas turned hot; later alerts may come first.
  await expect(menu.getByRole("listitem").first()).toBeVisible();
  await expect(menu.getByText("Loading notifications…")).toHaveCount(0);
  await menu.getByRole("button", { name: "Mark all read" }).click();
  await expect(menu.getByRole("button", { name: "Mark all read" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();
});
