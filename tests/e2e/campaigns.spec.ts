import { expect, test } from "@playwright/test";
import { createEmailableLead, demo, expectNoAxeViolations, openRegionAroundTheClock, screenshotsTo, signIn, uniqueEmail } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/campaigns");

test("an owner runs a small email campaign to the outbox and watches its funnel move", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, demo.owner);

  // The demo's finished campaign is listed with its rates.
  await page.goto("/campaigns");
  await expect(page.getByTestId("campaign-row").filter({ hasText: "Spring check-in" })).toContainText("finished");
  await expectNoAxeViolations(page, "campaigns list");
  await shot(page, "campaigns-list");

  // One lead who agreed to email, in a state open around the clock, kept as a saved view.
  const stamp = Date.now().toString(36);
  const street = `${Math.floor(Math.random() * 9000) + 1000} Campaign Ave ${stamp}`;
  const email = uniqueEmail("campaign");
  await createEmailableLead(page, street, email);
  await openRegionAroundTheClock(page, "TN", "Campaign end-to-end test: open around the clock", "Email");
  // Searched by the words after the number, which match the street wherever they are.
  await page.goto(`/deals?q=${encodeURIComponent(`Campaign Ave ${stamp}`)}`);
  await expect(page.getByTestId("prospect-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(`Campaign lead ${stamp}`);
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  // A buyer segment, so the form offers buyers as an audience too.
  const segment = `Houston buyers ${stamp}`;
  await page.goto("/buyers?market=TX%3AHouston");
  await page.getByLabel("Save these filters as a segment").fill(segment);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("navigation", { name: "Segments" }).getByRole("link", { name: segment })).toBeVisible();

  // The form refuses an unknown merge field beside its field, then saves a draft.
  await page.goto("/campaigns/new");
  await expectNoAxeViolations(page, "new campaign form");
  await page.getByLabel("Name").fill(`Check-in ${stamp}`);
  // "Start at" is read in the workspace's zone, and says which.
  await expect(page.getByLabel("Start at, Eastern Time (optional)")).toBeVisible();
  await expect(page.getByText("The workspace's time zone, America/New_York")).toBeVisible();
  // Buyers of a segment, by keyboard: the segment picker replaces the view picker and the score gate.
  const audience = page.getByLabel("Audience", { exact: true });
  await audience.focus();
  await audience.selectOption("BUYER_SEGMENT");
  await expect(page.getByLabel("Audience: buyer segment")).toContainText(segment);
  await page.getByLabel("Audience: buyer segment").selectOption({ label: segment });
  await expect(page.getByLabel("Minimum lead score")).toHaveCount(0);
  await expectNoAxeViolations(page, "new campaign form, buyer segment");
  await shot(page, "campaign-form-segment");
  // Mail goes to leads' addresses: no segment to choose there.
  await page.getByLabel("Channel").selectOption("MAIL");
  await expect(page.getByLabel("Audience", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Audience: saved Prospects view")).toBeVisible();
  await page.getByLabel("Channel").selectOption("EMAIL");
  await audience.selectOption("PROSPECTS_VIEW");
  await page.getByLabel("Audience: saved Prospects view").selectOption({ label: `Campaign lead ${stamp}` });
  await page.getByLabel("Minimum lead score").fill("0");
  const message = page.getByLabel("Message A");
  await message.fill("Hi {{first_name}}, about {{adress}}: https://example.com/how-we-buy");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator('[id="variants.0.body-error"]')).toContainText("Unknown merge field {{adress}}");
  await message.fill("Hi {{first_name}}, would you sell {{address}}? See https://example.com/how-we-buy");
  await shot(page, "campaign-form");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `Check-in ${stamp}` })).toBeVisible();

  // Started, it takes in the lead and sends: the page follows until the email is out.
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByTestId("funnel-sent")).toHaveText("1", { timeout: 90_000 });
  await expect(page.getByTestId("campaign-recipient").filter({ hasText: email })).toContainText(/sent|delivered/);
  await expect(page.getByText("finished", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page, "campaign page");
  await shot(page, "campaign-page");
});
