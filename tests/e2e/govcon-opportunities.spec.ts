import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/govcon-opportunities");

/** The fit scores the rows show, top to bottom ("Fit 82" -> 82; unscored -> null). */
async function fitScores(page: Page): Promise<(number | null)[]> {
  const texts = await page.getByTestId("opportunity-row").locator("td:first-child").allTextContents();
  return texts.map((text) => (/Fit (\d+)/.exec(text) ? Number(/Fit (\d+)/.exec(text)![1]) : null));
}

/** Opens the first notice in the list still New (other walkthroughs may have worked some). */
async function openFirstNew(page: Page, listUrl: string): Promise<string> {
  await page.goto(listUrl);
  const link = page.locator('[data-testid="opportunity-row"][data-status="NEW"]').first().getByRole("link");
  const title = (await link.textContent())?.trim() ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return title;
}

test("a bid manager filters opportunities, reads one's fit and incumbent, tracks it and no-bids another", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);

  // The list opens best fit first.
  await page.goto("/govcon");
  await expect(page.getByRole("heading", { level: 1, name: "GovCon opportunities" })).toBeVisible();
  await expect(page.getByTestId("opportunity-row").first()).toBeVisible();
  const scores = (await fitScores(page)).filter((s): s is number => s !== null);
  expect(scores.length).toBeGreaterThan(1);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await expectNoAxeViolations(page, "opportunities");

  // Filter by keyboard: small-business set-aside, fit 40 or more.
  await page.getByLabel("Set-aside").selectOption("SBA");
  await page.getByLabel("Minimum fit").fill("40");
  await page.getByLabel("Minimum fit").press("Enter");
  await expect(page).toHaveURL(/setAside=SBA/);
  await expect(page).toHaveURL(/fitMin=40/);
  await page.reload();
  await expect(page.getByLabel("Set-aside")).toHaveValue("SBA");
  await expect(page.getByLabel("Minimum fit")).toHaveValue("40");
  const filtered = await fitScores(page);
  expect(filtered.length).toBeGreaterThan(0);
  for (const score of filtered) expect(score).toBeGreaterThanOrEqual(40);
  await expect(page.getByTestId("opportunity-row").filter({ hasNotText: "SBA" })).toHaveCount(0);

  // Sorting by deadline is a header button, by keyboard too.
  await page.getByRole("button", { name: /^Deadline/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=deadline/);
  await expect(page).toHaveURL(/setAside=SBA/);
  await expectNoAxeViolations(page, "filtered opportunities");
  await shot(page, "opportunities-filtered");

  // One notice: its fit reasons, the incumbent panel, then Track (by keyboard).
  await page.goto("/govcon?setAside=SBA&fitMin=40");
  await openFirstNew(page, "/govcon?setAside=SBA&fitMin=40");
  const reasons = page.getByTestId("fit-reasons").getByRole("listitem");
  expect(await reasons.count()).toBeGreaterThan(0);
  await expect(reasons.first()).toContainText(/[+-]?\d+$/);
  await expect(page.getByRole("heading", { name: "Incumbent and similar awards" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Amendment history" })).toBeVisible();
  await page.getByRole("button", { name: "Track", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Tracking", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Track", exact: true })).toHaveCount(0);
  await expect(page.getByText(/Owner: /)).toBeVisible();

  // A note for the team.
  const note = `Walk the site before pricing ${Date.now().toString(36)}`;
  await page.getByLabel("New note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("opportunity-note").filter({ hasText: note })).toBeVisible();
  await expectNoAxeViolations(page, "opportunity tracked");
  await shot(page, "opportunity-tracked");

  // Another one declined: the reason is required, then shown to the team.
  await openFirstNew(page, "/govcon?status=NEW");
  await page.getByRole("button", { name: "No-bid" }).click();
  const form = page.getByRole("form", { name: "No-bid this opportunity" });
  await form.getByRole("button", { name: "Mark no-bid" }).click();
  await expect(form.getByRole("alert")).toHaveText("Say why the team does not bid");
  await expect(page.getByLabel(/Why not bid/)).toBeFocused();
  await expectNoAxeViolations(page, "no-bid reason missing");
  const reason = `Bonding over our surety line ${Date.now().toString(36)}`;
  await page.getByLabel(/Why not bid/).fill(reason);
  await form.getByRole("button", { name: "Mark no-bid" }).click();
  await expect(page.getByTestId("no-bid-reason")).toContainText(reason);
  await expect(page.getByTestId("no-bid-reason")).toContainText("decided by");
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expectNoAxeViolations(page, "opportunity no-bid");
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoAxeViolations(page, "opportunity no-bid at 390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, "opportunity-no-bid");

  // At phone width the list still reads and filters.
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/govcon?setAside=SBA&fitMin=40");
  await expect(page.getByTestId("opportunity-row").first()).toBeVisible();
  await expectNoAxeViolations(page, "opportunities at 390");
});
