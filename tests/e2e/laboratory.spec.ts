import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./support";

const SHOTS = process.env.SCREENSHOT_DIR ?? "test-results";

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an owner creates an experiment with a lower threshold, runs it, compares it with production and promotes it", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Laboratory" }).click();
  await expect(page).toHaveURL(/\/laboratory$/);
  await expect(page.getByRole("heading", { name: "Laboratory", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "laboratory at 1280px");
  await shoot(page, "laboratory");

  // A bad field is refused beside it; what was typed stays.
  const name = `Lower bar ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("High-intent threshold").fill("0");
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page.locator("#highIntentThreshold-error")).toHaveText("At least 1");
  await expect(page.getByLabel("High-intent threshold")).toBeFocused();

  await page.getByLabel("High-intent threshold").fill("20");
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page).toHaveURL(/\/laboratory\/[^/]+$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Not run yet").first()).toBeVisible();

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Side by side with production" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Drafts proposed", { exact: true })).toBeVisible();
  // The prompt was left as it was: no note that it differs.
  await expect(page.getByText(/prompt differs/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Score distribution" })).toBeVisible();
  await expect(page.getByRole("figure", { name: /People by highest intent score/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Would-be drafts \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Approved drafts it would have missed/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Rejected drafts it would have proposed/ })).toBeVisible();
  await expectNoAxeViolations(page, "experiment at 1280px");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoAxeViolations(page, "experiment at 390px");
  await page.setViewportSize({ width: 1280, height: 900 });
  await shoot(page, "experiment");

  await page.getByRole("button", { name: "Promote" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(/becomes production settings version \d+/);
  const version = Number(/version (\d+)/.exec((await dialog.textContent()) ?? "")![1]);
  await shoot(page, "experiment-promote");
  await dialog.getByRole("button", { name: `Promote as version ${version}` }).click();
  await expect(page.getByText(`Promoted: production settings are now version ${version}`)).toBeVisible();
  await expect(page.getByText("Promoted", { exact: true })).toBeVisible();
  await expect(page.getByText(`promoted as settings version ${version}`)).toBeVisible();

  await page.goto("/settings/signals");
  await expect(page.getByText(new RegExp(`^Settings \\(version ${version}`))).toBeVisible();
  await expect(page.getByLabel("High-intent threshold")).toHaveValue("20");
});

test("an admin runs experiments but cannot promote; a viewer cannot open the laboratory", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/laboratory");
  await page.getByLabel("Name").fill(`Admin try ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page).toHaveURL(/\/laboratory\/[^/]+$/);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Side by side with production" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Only an owner can promote an experiment to production.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Promote" })).toHaveCount(0);
  await page.getByRole("button", { name: "Archive" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Experiment archived")).toBeVisible();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, demo.viewer);
  const response = await page.goto("/laboratory");
  expect(response?.status()).toBe(403);
});
