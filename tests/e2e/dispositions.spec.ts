import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, openRegionAroundTheClock, openUnderwrittenDeal, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/dispositions");
const LINK = /https?:\/\/[^\s"]+\/b\/[A-Za-z0-9_-]{43}/;

const dollars = (text: string) => Number(text.replace(/[^\d]/g, ""));

async function liquidityScore(page: Page): Promise<number> {
  const text = await page.getByTestId("liquidity-score").innerText();
  return Number(/^[\d.]+/.exec(text.trim())![0]);
}

test("a buyer gets a deal by blast, offers from their page, and the team accepts it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);

  // An underwritten deal with a ZIP, its state and asking price.
  const { dealPath, zip, region } = await openUnderwrittenDeal(page, { inUS: true });
  const asking = dollars(await page.getByTestId("field-askingPrice").locator("dd").first().innerText());
  expect(zip).toMatch(/^\d{5}$/);
  expect(asking).toBeGreaterThan(0);

  // A buyer whose buy box is that ZIP, with SMS consent and the state open around the clock.
  const buyerName = `Dispo Buyer ${Date.now().toString(36)}`;
  const phone = `+1713555${String(Date.now()).slice(-4)}`;
  await page.goto("/buyers/new");
  await page.getByLabel("Name").fill(buyerName);
  await page.getByLabel("Phones").fill(phone);
  await page.getByLabel("ZIP codes and FSAs").fill(zip);
  await page.getByRole("button", { name: "Add buyer" }).click();
  await expect(page.getByRole("heading", { name: buyerName })).toBeVisible();
  await page.goto("/settings/compliance");
  const consentForm = page.getByRole("form", { name: "Record consent" });
  await consentForm.getByLabel("Channel").selectOption("SMS");
  await consentForm.getByLabel("Phone or email").fill(phone);
  await consentForm.getByLabel("Consent").selectOption("OPTED_IN");
  await consentForm.getByLabel("Reason").fill("Signed up on the buyers list (e2e)");
  await consentForm.getByRole("button", { name: "Record" }).click();
  await expect(page.getByTestId("consent-row").filter({ hasText: phone })).toContainText("opted in");
  await openRegionAroundTheClock(page, region, "Dispositions end-to-end test: open around the clock");

  // The deal's Buyers tab: the match with its reasons, the liquidity of its node.
  await page.goto(dealPath);
  await page.getByRole("navigation", { name: "Deal sections" }).getByRole("link", { name: "Buyers" }).click();
  await expect(page).toHaveURL(`${dealPath}/buyers`);
  const match = page.getByTestId("buyer-match").filter({ hasText: buyerName });
  await expect(match).toContainText(zip);
  await expect(match).toContainText("Tier C");
  const scoreBefore = await liquidityScore(page);

  // Blast by SMS to this buyer only.
  const blast = page.getByRole("form", { name: "Send a blast" });
  await blast.getByRole("button", { name: "Uncheck all" }).click();
  await blast.getByRole("checkbox", { name: new RegExp(buyerName) }).check();
  const coldReason = blast.getByLabel("Why send anyway");
  if (await coldReason.isVisible()) await coldReason.fill("New buyer asked for this ZIP (e2e)");
  await blast.getByRole("button", { name: "Send the blast to 1 buyer" }).click();
  await expect(page).toHaveURL(/\/blasts\/[^/]+$/);

  // The message in the outbox carries the buyer's own link.
  await page.goto("/outbox");
  const row = page.getByTestId("message-row").filter({ hasText: LINK }).first();
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const link = LINK.exec(await row.innerText())![0];

  // The buyer opens it with no account, in a fresh browser, and makes an offer.
  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  const opened = await buyerPage.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(buyerPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(buyerPage, "buyer deal page");
  await buyerPage.getByLabel("Your offer").fill("");
  await buyerPage.getByRole("button", { name: "Send offer" }).click();
  await expect(buyerPage.locator("#offer-amount-error")).toContainText("Enter your offer");
  await expect(buyerPage.getByLabel("Your offer")).toHaveAttribute("aria-invalid", "true");
  await buyerPage.getByLabel("Your offer").fill(String(asking + 10_000));
  await buyerPage.getByLabel("Proof of funds").fill("Bank letter from First Cash Bank");
  await buyerPage.getByRole("button", { name: "Send offer" }).click();
  await expect(buyerPage.getByRole("status")).toContainText("Your offer was sent");
  await expectNoAxeViolations(buyerPage, "buyer deal page after an offer");
  await buyerPage.setViewportSize({ width: 390, height: 900 });
  await expectNoAxeViolations(buyerPage, "buyer deal page at 390px");
  await shot(buyerPage, "buyer-deal-page");
  await buyerContext.close();

  // The team accepts it on the deal's Buyers tab: the stage, the fee, the liquidity moved.
  await page.goto(`${dealPath}/buyers`);
  const offer = page.getByTestId("buyer-offer").filter({ hasText: buyerName });
  await expect(offer).toContainText(`$${(asking + 10_000).toLocaleString("en-US")}`);
  await offer.getByRole("button", { name: new RegExp(`Accept the offer of ${buyerName}`) }).click();
  await expect(page.getByTestId("disposition-stage")).toHaveText("Offer accepted");
  await expect(page.getByTestId("assignment-fee")).toHaveText("$10,000");
  await expect(offer).toContainText("accepted");
  expect(await liquidityScore(page)).toBeGreaterThan(scoreBefore);
  await expect(page.getByTestId("buyer-match").filter({ hasText: buyerName })).toContainText(/Link live until .* [1-9]\d* views?/);
  await expectNoAxeViolations(page, "deal buyers tab");
  await shot(page, "deal-buyers-tab");

  // Revoking the link makes it a real 410.
  await page.getByRole("button", { name: `Revoke the link of ${buyerName}` }).click();
  await expect(page.getByTestId("buyer-match").filter({ hasText: buyerName })).toContainText("Link revoked");
  const gone = await page.request.get(link, { maxRedirects: 0 });
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain("no longer active");
});
