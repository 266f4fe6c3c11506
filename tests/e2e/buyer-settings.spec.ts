import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shoot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results");

test("an owner edits the buyer settings: field errors in place, saved and audited", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Buyer settings" }).click();
  await expect(page).toHaveURL(/\/settings\/buyers$/);
  await expect(page.getByRole("heading", { name: "Buyer settings" })).toBeVisible();
  // The documented defaults until someone saves.
  await expect(page.getByLabel("Response rate at least").first()).toHaveValue("50");
  await expect(page.getByLabel("Auto-blast tier-A buyers")).not.toBeChecked();
  await expectNoAxeViolations(page, "buyer settings at 1440px");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoAxeViolations(page, "buyer settings at 390px");
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, "buyer-settings");

  // Tier A below tier B is refused next to the field, and what was typed stays.
  const tierAResponse = page.getByLabel("Response rate at least").first();
  await tierAResponse.fill("10");
  await page.getByLabel("Buyer links expire after").fill("0");
  await page.getByRole("button", { name: "Save buyer settings" }).click();
  await expect(page.getByText("Tier A response rate cannot be below tier B's")).toBeVisible();
  await expect(page.getByText("Link lifetime must be at least 1")).toBeVisible();
  await expect(tierAResponse).toBeFocused();
  await expect(tierAResponse).toHaveValue("10");
  await shoot(page, "buyer-settings-errors");

  await tierAResponse.fill("60");
  await page.getByLabel("Buyer links expire after").fill("21");
  await page.getByLabel("Auto-blast tier-A buyers").check();
  await page.getByRole("button", { name: "Save buyer settings" }).click();
  await expect(page.getByText("Buyer settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Response rate at least").first()).toHaveValue("60");
  await expect(page.getByLabel("Buyer links expire after")).toHaveValue("21");
  await expect(page.getByLabel("Auto-blast tier-A buyers")).toBeChecked();

  await page.goto("/audit");
  await expect(page.getByText("buyer-settings.updated").first()).toBeVisible();

  // Back to the defaults the rest of the suite expects.
  await page.goto("/settings/buyers");
  await page.getByLabel("Response rate at least").first().fill("50");
  await page.getByLabel("Buyer links expire after").fill("14");
  await page.getByLabel("Auto-blast tier-A buyers").uncheck();
  await page.getByRole("button", { name: "Save buyer settings" }).click();
  await expect(page.getByText("Buyer settings saved")).toBeVisible();
});

test("a VA cannot open the buyer settings", async ({ page }) => {
  await signIn(page, demo.va);
  await expect(page.getByRole("link", { name: "Buyer settings" })).toHaveCount(0);
  const response = await page.goto("/settings/buyers");
  expect(response?.status()).toBe(403);
});

test("the engines page lists the buyer engines", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/engines");
  await expect(page.getByText("Buyer matching").first()).toBeVisible();
  await expect(page.getByText("Buyer performance").first()).toBeVisible();
});
