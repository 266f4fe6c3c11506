import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shoot = screenshotsTo(process.env.SCREENSHOTS_DIR ?? "/tmp/shots-b");

test("an owner sees the SAM.gov connection, is told which NAICS code is wrong, and saves the profile and its weights", async ({ page }) => {
  // Four saves, each scoring the demo's opportunities again, and two axe passes.
  test.slow();
  await signIn(page, demo.owner);
  await page.goto("/settings/govcon");
  await expect(page.getByRole("heading", { name: "GovCon settings", level: 1 })).toBeVisible();

  // Without a key the shipped fixture feed answers, with its own daily budget.
  const connection = page.getByRole("region", { name: /SAM.gov connection/ });
  await expect(connection.getByText("Shipped fixture feed", { exact: true })).toBeVisible();
  await expect(connection.getByText("Daily budget", { exact: true })).toBeVisible();
  await expect(connection.getByText("Left today", { exact: true })).toBeVisible();
  await expect(connection.getByRole("link", { name: /Set the SAM.gov key and daily budget on Integrations/ })).toHaveAttribute("href", /\/settings\/integrations/);

  const naics = page.getByLabel("NAICS codes", { exact: true });
  const keywords = page.getByLabel("Keywords", { exact: true });
  const capability = page.getByLabel("Capability statement");
  const savedNaics = await naics.inputValue();
  const savedKeywords = await keywords.inputValue();
  expect(savedNaics).toContain("236220");

  // A malformed code is named beside its field; what was typed elsewhere stays.
  await naics.fill(`${savedNaics}, 23A`);
  await keywords.fill(`${savedKeywords}, demolition`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#naicsCodes-error")).toContainText('"23A" is not a NAICS code');
  await expect(naics).toHaveAttribute("aria-invalid", "true");
  await expect(naics).toBeFocused();
  await expect(keywords).toHaveValue(`${savedKeywords}, demolition`);
  await expect(capability).not.toHaveValue("");
  await shoot(page, "govcon-settings-error");

  await naics.fill(savedNaics);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("GovCon profile saved")).toBeVisible();
  await page.reload();
  await expect(keywords).toHaveValue(/demolition/);
  await expect(page.locator("#naicsCodes-error")).toHaveCount(0);

  // A weight changed from the keyboard, then every weight reset to its default.
  const keywordHit = page.getByLabel("Each keyword found");
  await expect(keywordHit).toHaveValue("5");
  await keywordHit.fill("8");
  await keywordHit.press("Enter");
  await expect(page.getByText("Fit weights saved")).toBeVisible();
  await page.reload();
  await expect(keywordHit).toHaveValue("8");
  await page.getByLabel("Each excluded keyword found").fill("7");
  await page.getByRole("button", { name: "Save weights" }).click();
  await expect(page.locator("#excludedKeyword-error")).toHaveText("At most 0");
  await page.getByRole("button", { name: "Reset every weight to its default" }).click();
  await expect(page.getByText("Fit weights back to their defaults")).toBeVisible();
  await expect(keywordHit).toHaveValue("5");
  await expect(page.getByLabel("Each excluded keyword found")).toHaveValue("-20");
  await expect(page.locator("#excludedKeyword-error")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reset every weight to its default" })).toHaveCount(0);

  await shoot(page, "govcon-settings");
  await expectNoAxeViolations(page, "govcon settings at 1440");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoAxeViolations(page, "govcon settings at 390");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Back to the demo profile, so later walkthroughs see the scores they expect.
  await keywords.fill(savedKeywords);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("GovCon profile saved")).toBeVisible();
});

test("a VA cannot open the GovCon settings", async ({ page }) => {
  await signIn(page, demo.va);
  const response = await page.goto("/settings/govcon");
  expect(response?.status()).toBeGreaterThanOrEqual(400);
});
