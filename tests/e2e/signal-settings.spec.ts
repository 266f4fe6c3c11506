import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shoot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results");

/** The version in force, from the settings card's title ("Settings (version 3)"). */
async function versionInForce(page: Page): Promise<number> {
  const title = await page.getByText(/^Settings \(version \d+/).textContent();
  return Number(/version (\d+)/.exec(title ?? "")![1]);
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save as a new version" }).click();
}

test("an owner changes a signal weight and the threshold: errors beside the fields, then a new version in the history", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Signals & drafting" }).click();
  await expect(page).toHaveURL(/\/settings\/signals$/);
  await expect(page.getByRole("heading", { name: "Signals & drafting" })).toBeVisible();
  await expect(page.getByText("Drafter in use")).toBeVisible();
  await expect(page.getByText(/Enrichment this month/)).toBeVisible();
  const before = await versionInForce(page);
  const weight = page.getByLabel("SMS reply weight");
  const threshold = page.getByLabel("High-intent threshold");
  const originalWeight = await weight.inputValue();
  const originalThreshold = await threshold.inputValue();
  await expectNoAxeViolations(page, "signals settings at 1440px");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoAxeViolations(page, "signals settings at 390px");
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, "signal-settings");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? "test-results"}/signal-settings-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Bad values are refused next to their fields, and what was typed stays.
  await weight.fill("-5");
  await threshold.fill("150");
  await page.getByLabel("Enrichment budget per person per month").fill("lots");
  await save(page);
  await expect(page.locator("#weights\\.sms_reply-error")).toHaveText("Points cannot be negative");
  await expect(page.locator("#highIntentThreshold-error")).toHaveText("At most 100");
  await expect(page.locator("#enrichmentMonthlyCapDollars-error")).toHaveText("Enter the budget");
  await expect(weight).toBeFocused();
  await expect(weight).toHaveValue("-5");
  await shoot(page, "signal-settings-errors");
  expect(await versionInForce(page)).toBe(before);

  await weight.fill("35");
  await threshold.fill("65");
  await page.getByLabel("Enrichment budget per person per month").fill("0.75");
  await save(page);
  await expect(page.getByText("Saved as a new version")).toBeVisible();
  await page.reload();
  expect(await versionInForce(page)).toBe(before + 1);
  await expect(page.getByLabel("SMS reply weight")).toHaveValue("35");
  await expect(page.getByLabel("High-intent threshold")).toHaveValue("65");
  await expect(page.getByLabel("Enrichment budget per person per month")).toHaveValue("0.75");
  const history = page.getByRole("table", { name: "Settings versions" });
  const newest = history.getByRole("row").nth(1);
  await expect(newest.getByRole("cell").nth(0)).toHaveText(String(before + 1));
  await expect(newest.getByRole("cell").nth(1)).toHaveText("Settings");
  await expect(newest.getByRole("cell").nth(2)).toHaveText("65");
  await shoot(page, "signal-settings-saved", page.getByRole("table", { name: "Settings versions" }));

  // Back to what the rest of the suite expects.
  await page.getByLabel("SMS reply weight").fill(originalWeight);
  await page.getByLabel("High-intent threshold").fill(originalThreshold);
  await page.getByLabel("Enrichment budget per person per month").fill("0.50");
  await save(page);
  await expect(page.getByText("Saved as a new version")).toBeVisible();
});

test("a VA cannot open the signals settings", async ({ page }) => {
  await signIn(page, demo.va);
  await expect(page.getByRole("link", { name: "Signals & drafting" })).toHaveCount(0);
  const response = await page.goto("/settings/signals");
  expect(response?.status()).toBe(403);
});
