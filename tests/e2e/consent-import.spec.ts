import { expect, test, type Page } from "@playwright/test";
import { demo, openRegionAroundTheClock, signIn } from "./support";

async function openLead(page: Page, street: string, number: string) {
  await page.goto(`/deals?q=${encodeURIComponent(street)}`);
  await page.getByRole("table").getByRole("link", { name: `${number} ${street} Rd` }).click();
  await expect(page.getByRole("heading", { name: `${number} ${street} Rd` })).toBeVisible();
}

async function sendSms(page: Page, body: string) {
  const form = page.getByRole("form", { name: "Send message" });
  await form.getByLabel("Channel").selectOption("SMS");
  await form.getByLabel("Message").fill(body);
  await form.getByRole("button", { name: "Send" }).click();
  return form.getByTestId("send-result");
}

test("a CSV with consent columns: the preview flags bad rows, the imported lead can be texted, one without consent is told how to fix it", async ({ page }) => {
  const street = `Marigold${Date.now().toString(36)}`;
  const digits = String(Date.now()).slice(-3);
  const phone = (n: number) => `614-555-${n}${digits}`;
  const csv = [
    "Property Address,City,State,Zip,Lead Score,Owner Phone,Owner Email,SMS Consent,Consent Source,Consent Date,Consent Text",
    `1 ${street} Rd,Columbus,OH,43215,80,${phone(1)},,yes,Web form,2026-01-15,I agree to receive texts about my property`,
    `2 ${street} Rd,Columbus,OH,43215,80,${phone(2)},,no,,,`,
    `3 ${street} Rd,Columbus,OH,43215,80,${phone(3)},not-an-email,yes,Web form,,`,
    `4 ${street} Rd,Columbus,OH,4321,80,${phone(4)},,yes,Web form,,`,
    `1 ${street} Road,Columbus,OH,43215,80,${phone(5)},,yes,Web form,,`,
    `6 ${street} Rd,Columbus,OH,43215,80,${phone(1)},,yes,Web form,,`,
  ].join("\n");

  await signIn(page, demo.owner);
  await openRegionAroundTheClock(page, "OH", "Consent import test: open around the clock");

  await page.goto("/deals/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "consented-leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByLabel("Field for column SMS Consent")).toHaveValue("consentGiven");
  await expect(page.getByLabel("Field for column Consent Text")).toHaveValue("consentWording");

  // The preview flags each problem on its row before anything is imported.
  const preview = page.getByRole("table", { name: "Preview of the import" });
  await expect(preview.locator('[data-row="2"]')).toContainText("Ready");
  await expect(preview.locator('[data-row="4"]')).toContainText("Enter a valid email");
  await expect(preview.locator('[data-row="5"]')).toContainText("ZIP / postal code must be a US ZIP");
  await expect(preview.locator('[data-row="6"]')).toContainText("Same address as row 2: skipped as a duplicate");
  await expect(preview.locator('[data-row="7"]')).toContainText("Same phone as row 2");
  await expect(page.getByText(/Of the first 6 rows: 2 with problems/)).toBeVisible();

  await page.getByRole("button", { name: "Import 6 rows" }).click();
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByText("Import finished")).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText("3 new deals, 1 already known (matched by address), 2 rows skipped for errors.");

  // The consented lead is texted: consent came with the import.
  await openLead(page, street, "1");
  const sent = await sendSms(page, `Hi, is the house still for sale? (e2e ${digits})`);
  await expect(sent).toContainText("Sent through");

  // The lead who said no is refused, with what is missing and where to fix it.
  await openLead(page, street, "2");
  const blocked = await sendSms(page, "Hi, is the house still for sale?");
  await expect(blocked.getByTestId("blocked-fix")).toHaveText(`No consent on record for +1614555${2}${digits} (SMS). Record consent on Compliance → Consent.`);
  await blocked.getByRole("link", { name: "Record consent" }).click();
  await expect(page).toHaveURL(/\/settings\/compliance\?channel=SMS&address=%2B1614555/);
  const consentForm = page.getByRole("form", { name: "Record consent" });
  await expect(consentForm.getByLabel("Phone or email")).toHaveValue(`+1614555${2}${digits}`);
  await expect(consentForm.getByLabel("Channel")).toHaveValue("SMS");
});

test("the compliance page lists consent records a page at a time, the search kept in the URL", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/settings/compliance");
  const rows = page.getByTestId("consent-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(50);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText("Page 1 of");
  await pagination.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pagination).toContainText("Page 2 of");

  await page.getByRole("form", { name: "Search consent records" }).getByLabel("Consent").selectOption("OPTED_IN");
  await page.getByRole("form", { name: "Search consent records" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/consent=OPTED_IN/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(rows.filter({ hasText: "opted out" })).toHaveCount(0);
});

test("the policies list puts All regions first and fits a phone; the time zone is picked from a searchable list", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/policies");
  const scopes = page.getByRole("table").first().getByRole("row").nth(1);
  await expect(scopes).toContainText("All regions");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/settings");
  const zone = page.getByRole("combobox", { name: "Time zone" });
  const original = await zone.inputValue();
  await zone.click();
  await zone.fill("toronto");
  await expect(page.getByRole("option", { name: /America\/Toronto/ })).toBeVisible();
  await zone.press("ArrowDown");
  await zone.press("ArrowUp");
  await zone.press("Enter");
  await expect(zone).toHaveValue("America/Toronto");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.reload();
  await expect(zone).toHaveValue("America/Toronto");

  // Back to the workspace's own zone, chosen by keyboard alone: other tests read times in it.
  await zone.focus();
  await zone.fill(original.replaceAll("_", " "));
  await zone.press("Enter");
  await expect(zone).toHaveValue(original);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.reload();
  await expect(zone).toHaveValue(original);
});
