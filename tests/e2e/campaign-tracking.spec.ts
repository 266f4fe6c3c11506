import { expect, test, type Page } from "@playwright/test";
import { demo, draftEmailCampaignToNewLead, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/campaign-tracking");

/** The campaign page's funnel, re-read until it shows these counts (a finished campaign's page does not refresh itself). */
async function expectFunnel(page: Page, campaignPath: string, counts: { opened: string; clicked: string }) {
  await expect(async () => {
    await page.goto(campaignPath);
    await expect(page.getByTestId("funnel-opened")).toHaveText(counts.opened, { timeout: 1_000 });
    await expect(page.getByTestId("funnel-clicked")).toHaveText(counts.clicked, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test("an owner opens a campaign email in the outbox, and its open and its click move the funnel", async ({ page, context }) => {
  test.setTimeout(240_000);
  await signIn(page, demo.owner);
  const name = `Tracked ${Date.now().toString(36)}`;
  const { email } = await draftEmailCampaignToNewLead(page, { name, message: "Hi {{first_name}}, would you sell {{address}}? See https://example.com/how-we-buy" });
  const campaignPath = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByTestId("funnel-sent")).toHaveText("1", { timeout: 90_000 });
  await expect(page.getByTestId("funnel-opened")).toHaveText("0");

  // The Outbox keeps the email as it left; opening it loads its open pixel, as a mail client would.
  await page.goto("/outbox?channel=EMAIL");
  const row = page.getByTestId("message-row").filter({ hasText: email });
  await row.getByRole("link", { name: /View email/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Your property at / })).toBeVisible();
  const emailPath = new URL(page.url()).pathname;
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByTestId("email-text")).toContainText("https://example.com/how-we-buy");
  const frame = page.locator('iframe[title^="Email: "]').contentFrame();
  await expect(frame.getByText(/would you sell/)).toBeVisible();
  await expect(frame.getByRole("link", { name: "Unsubscribe" })).toBeVisible();
  // The email's frame runs no script, so axe cannot enter it: the page around it is checked, and the frame is named.
  await expect(page.locator("iframe[sandbox]")).toHaveAttribute("title", /^Email: Your property at /);
  await expectNoAxeViolations(page, "email view", { exclude: ["iframe[sandbox]"] });
  await shot(page, "email-view");

  // The frame's own requests are not visible to the test: the campaign page says what they did.
  await expectFunnel(page, campaignPath, { opened: "1", clicked: "0" });

  // Its link, by keyboard, opens the tracked redirect in a new tab.
  await page.goto(emailPath);
  const link = frame.getByRole("link", { name: "https://example.com/how-we-buy" });
  await expect(link).toHaveAttribute("href", /\/api\/t\/c\/[^?]+\?u=https%3A%2F%2Fexample\.com%2Fhow-we-buy$/);
  const landing = context.waitForEvent("page");
  await link.focus();
  await page.keyboard.press("Enter");
  // A new tab: the email view stays where it was.
  const tab = await landing;
  await expect(page.getByRole("heading", { level: 1, name: /^Your property at / })).toBeVisible();

  await expectFunnel(page, campaignPath, { opened: "1", clicked: "1" });
  await tab.close();
  await expect(page.getByTestId("campaign-recipient").filter({ hasText: email })).toContainText("clicked");
  await shot(page, "campaign-funnel-after-click");
});
