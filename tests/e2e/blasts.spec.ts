import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, openRegionAroundTheClock, openUnderwrittenDeal, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/blasts");

test("a blast shows each buyer's state, the gate that refused one, and its progress", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);

  // An underwritten deal with a ZIP and its state.
  const { dealPath, zip, region } = await openUnderwrittenDeal(page, { inUS: true });

  // Two buyers of that ZIP: one who consented to SMS, one who did not.
  const stamp = Date.now().toString(36);
  const consented = { name: `Blast Yes ${stamp}`, phone: `+1713556${String(Date.now()).slice(-4)}` };
  const silent = { name: `Blast No ${stamp}`, phone: `+1713557${String(Date.now()).slice(-4)}` };
  for (const buyer of [consented, silent]) {
    await page.goto("/buyers/new");
    await page.getByLabel("Name").fill(buyer.name);
    await page.getByLabel("Phones").fill(buyer.phone);
    await page.getByLabel("ZIP codes and FSAs").fill(zip);
    await page.getByRole("button", { name: "Add buyer" }).click();
    await expect(page.getByRole("heading", { name: buyer.name })).toBeVisible();
  }
  await page.goto("/settings/compliance");
  const consentForm = page.getByRole("form", { name: "Record consent" });
  await consentForm.getByLabel("Channel").selectOption("SMS");
  await consentForm.getByLabel("Phone or email").fill(consented.phone);
  await consentForm.getByLabel("Consent").selectOption("OPTED_IN");
  await consentForm.getByLabel("Reason").fill("Signed up on the buyers list (blast e2e)");
  await consentForm.getByRole("button", { name: "Record" }).click();
  await expect(page.getByTestId("consent-row").filter({ hasText: consented.phone })).toContainText("opted in");
  await openRegionAroundTheClock(page, region, "Blast end-to-end test: open around the clock");

  // The blast form: an unknown merge field is refused beside its field, then the blast goes.
  await page.goto(`${dealPath}/buyers`);
  const blast = page.getByRole("form", { name: "Send a blast" });
  await blast.getByRole("button", { name: "Uncheck all" }).click();
  await blast.getByRole("checkbox", { name: new RegExp(consented.name) }).check();
  await blast.getByRole("checkbox", { name: new RegExp(silent.name) }).check();
  const sms = blast.getByLabel("SMS message");
  await sms.fill("Hi {{buyer_first_name}}, {{area}} at {{price}} {{nmae}} {{link}}");
  await expect(page.locator("#smsTemplate-error")).toContainText("Unknown merge field {{nmae}}");
  await sms.fill("Hi {{buyer_first_name}}, {{area}} at {{price}}: {{link}}");
  await expect(page.locator("#smsTemplate-error")).toHaveCount(0);
  await expect(blast.getByRole("region", { name: /SMS preview/ })).toContainText("Hi Blast,");
  const coldReason = blast.getByLabel("Why send anyway");
  if (await coldReason.isVisible()) await coldReason.fill("Two new buyers asked for this ZIP (e2e)");
  await shot(page, "blast-form", blast);
  await blast.getByRole("button", { name: "Send the blast to 2 buyers" }).click();
  await expect(page).toHaveURL(/\/blasts\/[^/]+$/);
  const blastPath = new URL(page.url()).pathname;

  // The blast page follows the sender until every recipient is handled.
  await expect(page.getByText("Every recipient has been handled")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("count-QUEUED")).toHaveText("Queued: 0");
  const yes = page.getByTestId("blast-recipient").filter({ hasText: consented.name });
  const no = page.getByTestId("blast-recipient").filter({ hasText: silent.name });
  await expect(yes).toContainText(/sent|delivered/);
  await expect(no).toContainText("blocked");
  await expect(no).toContainText("consent: No consent on record");
  await expectNoAxeViolations(page, "blast page");
  await shot(page, "blast-page");

  // Filtering by state keeps only the refused one.
  await page.getByRole("navigation", { name: "Filter recipients by state" }).getByRole("link", { name: /^blocked/ }).click();
  await expect(page.getByTestId("blast-recipient")).toHaveCount(1);

  // The list of blasts, newest first, opens it.
  await page.goto("/blasts");
  await expect(page.getByTestId("blast-row").first().getByRole("link")).toHaveAttribute("href", blastPath);
  await expectNoAxeViolations(page, "blasts list");
  await shot(page, "blasts-list");
});
