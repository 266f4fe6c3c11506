import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shoot = screenshotsTo("/tmp/shots-a");

/** The first underwritten deal of Prospects: it has an offer, so its equity line has a spread ratio. */
async function openPricedDeal(page: Page) {
  await page.goto("/deals?status=UNDERWRITTEN");
  await page.getByTestId("prospect-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/deals\/[^/]+$/);
}

/** The score card's figure and its contribution lines' points. */
async function readScoreCard(page: Page) {
  const card = page.getByTestId("score-card");
  const score = Number(await card.getByTestId("lead-score").innerText());
  const lines = await card.getByTestId("score-contribution").allInnerTexts();
  const points = lines.map((line) => Number((/→ ([+−]?\d+)/.exec(line)?.[1] ?? "NaN").replace("−", "-").replace("+", "")));
  return { card, score, lines, points };
}

test("a deal shows its lead score with each feature's points, the model and the source's own score", async ({ page }) => {
  await signIn(page, demo.owner);
  await openPricedDeal(page);
  const { card, score, lines, points } = await readScoreCard(page);
  await expect(card.getByRole("heading", { name: "Lead score" })).toBeVisible();
  expect(lines.some((line) => /^equity: spread ratio -?\d\.\d\d/.test(line))).toBe(true);
  expect(lines.some((line) => line.startsWith("contactability:"))).toBe(true);
  // The reasons add up to the score the contact rules apply.
  expect(points.reduce((sum, p) => sum + p, 0)).toBe(score);
  await expect(card.getByTestId("score-model")).toContainText("Model: points table");
  await expect(card.getByText(/High confidence|Medium confidence|Low confidence/)).toBeVisible();
  await expectNoAxeViolations(page, "deal page with its score card");
  await shoot(page, "deal-score-card", card);
});

test("an owner fits a model on the workspace's outcomes, sees its AUC and calibration, and promotes it", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/settings/scoring");
  await expect(page.getByRole("heading", { level: 1, name: "Lead scoring" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "equity", exact: true })).toBeVisible();
  const decided = Number((/^(\d+)/.exec(await page.getByTestId("decided-outcomes").innerText()) ?? [])[1]);
  expect(decided).toBeGreaterThanOrEqual(200);

  const proposedBefore = await page.getByTestId("scoring-model").count();
  await page.getByRole("button", { name: "Fit now" }).click();
  await expect(page.getByText(/^Model \d+ proposed, AUC 0\.\d\d on the held-out fifth\.$/)).toBeVisible();
  await expect(page.getByTestId("scoring-model")).toHaveCount(proposedBefore + 1);
  const newest = page.getByTestId("scoring-model").first();
  const version = Number((/Model (\d+)/.exec(await newest.getByRole("heading").innerText()) ?? [])[1]);
  const auc = await newest.getByTestId("model-auc").innerText();
  expect(Number(auc)).toBeGreaterThan(0.5);
  await expect(newest.getByRole("table")).toContainText("Reached contract");
  await expectNoAxeViolations(page, "scoring settings");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page, "scoring settings at 390 px");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, "scoring-settings");

  page.once("dialog", (dialog) => void dialog.accept());
  await newest.getByRole("button", { name: `Promote model ${version}` }).click();
  await expect(page.getByText(new RegExp(`^Model ${version} is active; \\d+ deals rescored\\.$`))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`Learned model ${version}: scores are the predicted chance`)).toBeVisible();

  // Every deal now carries the learned model's score, and says where it came from.
  await openPricedDeal(page);
  const { card, score, points } = await readScoreCard(page);
  await expect(card.getByTestId("score-model")).toContainText(new RegExp(`Model: learned from your ${decided} outcomes, AUC ${auc}`));
  expect(points.reduce((sum, p) => sum + p, 0)).toBe(score);
  await shoot(page, "deal-score-card-learned", card);
});

test("an admin may fit but not promote", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/settings/scoring");
  await expect(page.getByRole("button", { name: "Fit now" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Promote model/ })).toHaveCount(0);
});
