import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo("/tmp/shots-a");

test("an owner finds the GovCon engine on Engines, runs a SAM.gov sync by hand and sees why it keeps its pace", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/engines");
  const govcon = page.getByRole("region", { name: /^GovCon/ });
  await expect(govcon).toBeVisible();
  await expect(govcon).toContainText("Syncs SAM.gov opportunities within the key's daily budget");

  // Run now syncs the fixture feed (the demo has no SAM.gov key); the run is recorded with its items.
  const runs = govcon.getByRole("table", { name: "Recent runs of GovCon" });
  await govcon.getByRole("button", { name: "Run GovCon now" }).click();
  await expect(page.getByText(/GovCon: done, \d+ item\(s\)\./)).toBeVisible({ timeout: 60_000 });
  await expect(runs.getByRole("row").nth(1)).toContainText("manual");
  await expect(runs.getByRole("row").nth(1)).toContainText("OK");

  // The interval is the GovCon rule's, in words: deadlines of tracked work and SAM.gov's budget.
  await expect(govcon.getByTestId("interval-reason")).toHaveText(/^Every .+: .*(tracked or pursued opportunity|SAM\.gov requests left|throttled)/);
  await expectNoAxeViolations(page, "engines with GovCon");
  await shot(page, "govcon-engine", govcon);

  // At phone width the card and its Run now button stay reachable.
  await page.setViewportSize({ width: 390, height: 844 });
  await govcon.getByRole("button", { name: "Run GovCon now" }).scrollIntoViewIfNeeded();
  await expect(govcon.getByRole("button", { name: "Run GovCon now" })).toBeInViewport();
});
