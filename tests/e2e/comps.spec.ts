import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/csv/sold-comps.csv");
const shots = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/comps");

test("an owner imports sold comps, opens a deal's Comps tab, uses the suggested ARV and sees the new evidence", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);

  // 1. The sold-comps list through the import wizard: 6 good sales, 4 bad rows, 1 repeat.
  await page.goto("/deals/import?kind=comps");
  await expect(page.getByRole("heading", { name: "Import sold comps" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Sold comps/ })).toBeChecked();
  await page.getByLabel("CSV file").setInputFiles(FIXTURE);
  await expect(page.getByLabel("Field for column Sold Price")).toHaveValue("soldPrice");
  await expect(page.getByLabel("Field for column Sold Date")).toHaveValue("soldAt");
  await expect(page.getByLabel("Field for column Sq Ft")).toHaveValue("sqft");
  const preview = page.getByRole("table", { name: "Preview of the import" });
  await expect(preview.locator('[data-row="10"]')).toHaveAttribute("data-invalid", "true");
  await expect(preview.locator('[data-row="12"]')).toContainText("Same sale as row 2");
  await expectNoAxeViolations(page, "sold comps import, mapping and preview");
  await shots(page, "comps-import-preview");
  await page.getByRole("button", { name: "Import 11 rows" }).click();
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByText("Import finished")).toBeVisible({ timeout: 60_000 });
  // A second run of this test finds the sales on record already: every good row is counted either way.
  const summary = await progress.getByText(/new sold comps?, \d+ already known \(matched by address and sale date\), 4 rows skipped for errors\./).innerText();
  const [, created, known] = /(\d+) new sold comps?, (\d+) already known/.exec(summary)!.map(Number);
  expect(created + known).toBe(7);

  // 2. A deal right among those sales, priced from a typed ARV first.
  const street = `${1000 + Math.floor(Math.random() * 8000)} Comps Test Ave`;
  await page.goto("/deals/new");
  await page.getByLabel("Street").fill(street);
  await page.getByLabel("City").fill("Dallas");
  await page.getByLabel("State / province").fill("TX");
  await page.getByLabel("ZIP / postal code").fill("75201");
  await page.getByLabel("Asking price").fill("120000");
  await page.getByLabel("ARV", { exact: true }).fill("250000");
  await page.getByLabel("Repairs").fill("20000");
  await page.getByLabel("Beds").fill("3");
  await page.getByLabel("Baths").fill("2");
  await page.getByLabel("Square feet").fill("1500");
  await page.getByLabel("Property type").selectOption("SFR");
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: street })).toBeVisible();

  // 3. Its Comps tab: the sales that fit, the estimate with its range and confidence.
  await page.getByRole("navigation", { name: "Deal sections" }).getByRole("link", { name: "Comps" }).click();
  await expect(page).toHaveURL(/\/deals\/[^/]+\/comps$/);
  // The file's 5 houses like this one (its condo is left out); the demo's own sales nearby may add one.
  await expect(page.getByTestId("comp-row").nth(4)).toBeVisible();
  const compCount = await page.getByTestId("comp-row").count();
  expect(compCount).toBeLessThanOrEqual(6);
  await expect(page.getByTestId("comp-row").filter({ hasText: "1201 Elm St" })).toContainText("Sep 14, 2026");
  await expect(page.getByTestId("comps-excluded")).toContainText("of another property type");
  const suggested = (await page.getByTestId("suggested-arv").innerText()).trim();
  expect(suggested).toMatch(/^\$[23]\d\d,\d{3}$/);
  await expect(page.getByTestId("evidence-row")).toHaveCount(1);
  await expectNoAxeViolations(page, "deal comps tab");
  await shots(page, "deal-comps");
  // At a phone's width the tab does not scroll sideways (the table scrolls in its own box).
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1440, height: 900 });

  // 4. "Use this ARV": the deal is priced again, with a new evidence row that names its comps.
  await page.getByRole("button", { name: `Use this ARV (${suggested})` }).click();
  await expect(page.getByText(`ARV set to ${suggested}: recommended offer`)).toBeVisible();
  await expect(page.getByTestId("evidence-row")).toHaveCount(2);
  const newest = page.getByTestId("evidence-row").first();
  await expect(newest).toContainText(suggested);
  await expect(newest).toContainText("Recommended offer");
  await expect(newest.getByTestId("evidence-comps")).toContainText(`ARV from ${compCount} comparable sales`);
  await expect(page.getByText(`${suggested} (from comps)`)).toBeVisible();
  await shots(page, "deal-comps-used");
});
