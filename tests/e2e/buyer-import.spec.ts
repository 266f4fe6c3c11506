import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/csv/buyers-sample.csv");
const shots = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/buyer-import");

test("an owner imports a buyer list through the wizard, sees each bad row and downloads the error report", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/deals/import?kind=buyers");
  await expect(page.getByRole("heading", { name: "Import buyers" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Cash buyers/ })).toBeChecked();

  await page.getByLabel("CSV file").setInputFiles(FIXTURE);

  // The columns are mapped to buyer fields from their headers; Phone and Cell both fill the phones.
  await expect(page.getByLabel("Field for column Buyer Name")).toHaveValue("name");
  await expect(page.getByLabel("Field for column Cell")).toHaveValue("phones");
  await expect(page.getByLabel("Field for column Phone")).toHaveValue("phones");
  await expect(page.getByLabel("Field for column Zips")).toHaveValue("postalCodes");
  await expect(page.getByLabel("Field for column Min Price")).toHaveValue("priceMin");

  // The preview shows each bad row's reason on its cell, and a repeated email as a duplicate.
  const preview = page.getByRole("table", { name: "Preview of the import" });
  await expect(preview.locator('[data-row="5"]')).toContainText('"not a phone" is not a phone number');
  await expect(preview.locator('[data-row="5"]')).toHaveAttribute("data-invalid", "true");
  await expect(preview.locator('[data-row="8"]')).toContainText("Same email as row 2");
  await expect(preview.locator('[data-row="8"]')).toContainText("Duplicate");
  await expect(page.getByText(/Of the first 20 rows: 8 with problems/)).toBeVisible();
  // A buyer list asks the consent question a lead list asks; the answer covers every new buyer.
  await expect(page.getByText("Consent to be contacted", { exact: true })).toBeVisible();
  await page.getByLabel("These contacts gave written consent").selectOption("yes");
  await page.getByLabel("Where they agreed").fill("Buyer sign-up form");
  await page.getByLabel("Words they agreed to").fill("I agree to receive texts and emails about investment properties for sale. Reply STOP to opt out.");
  await expectNoAxeViolations(page, "buyer import, mapping and preview");
  await shots(page, "buyer-import-preview");

  await page.getByRole("button", { name: "Import 20 rows" }).click();
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByText("Import finished")).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  // Rows 8 and 15 repeat earlier rows; a demo buyer may already have one of the file's phones or emails.
  const summary = progress.getByText(/new buyers?, \d+ already known \(matched by phone or email\), 8 rows skipped for errors\./);
  const [, created, known] = /(\d+) new buyers?, (\d+) already known/.exec(await summary.innerText())!.map(Number);
  expect(created + known).toBe(12);
  expect(known).toBeGreaterThanOrEqual(2);
  await shots(page, "buyer-import-done");

  const [download] = await Promise.all([page.waitForEvent("download"), progress.getByRole("link", { name: "Download error report" }).click()]);
  const report = await readFile((await download.path())!, "utf8");
  const lines = report.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^row,field,message,Buyer Name,Company,Phone,Cell,Email/);
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["5", "6", "7", "10", "12", "14", "17", "19"]);
  expect(report).toContain("BUY AND HOLD");

  // The same file again creates nothing: every good row is now a known buyer.
  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByRole("radio", { name: /Cash buyers/ }).check();
  await page.getByLabel("CSV file").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Import 20 rows" }).click();
  await expect(progress.getByText("Import finished")).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText("0 new buyers, 12 already known (matched by phone or email), 8 rows skipped for errors.");

  // Both runs are listed among the recent imports as buyer lists.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "buyers-sample.csv" }).first()).toContainText("Buyers");
});
