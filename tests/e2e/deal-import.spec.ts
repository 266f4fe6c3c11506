import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

// A street name no other test or demo deal uses, so the table search finds only these rows.
const street = `Quillfeather${Date.now().toString(36)}`;

const csv = [
  "Property Address,City,State,Zip,Asking Price,ARV,Est. Repairs,Beds,Baths,Owner Phone",
  `101 ${street} Rd,Memphis,TN,38104,"$95,000",210000,30000,3,2,901-555-0101`,
  `102 ${street} Rd,Columbus,OH,43215,120k,260k,25k,4,2,614-555-0102`,
  `103 ${street} Rd,Toronto,ON,M6H 2T3,300000,520000,40000,3,1.5,416-555-0103`,
  `104 ${street} Rd,Memphis,TN,38104,lots,200000,10000,2,1,`,
  `,Dallas,TX,75208,90000,180000,20000,3,2,`,
  `105 ${street} Rd,Atlanta,GA,30310,80000,150000,15000,3,2,404-555-0105`,
].join("\n");

test("an owner imports a CSV with bad rows, downloads the error report and reads a deal's evidence", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/deals/import");

  await page.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  // The mapping was guessed from the headers, and the preview shows the first rows.
  await expect(page.getByLabel("Field for column Property Address")).toBeVisible();
  await expect(page.getByRole("table", { name: "Preview of the import" })).toContainText(`101 ${street} Rd`);

  await page.getByRole("button", { name: "Import 6 rows" }).click();

  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByRole("progressbar", { name: "Rows imported" })).toBeVisible();
  await expect(progress.getByText("Import finished")).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(progress).toContainText("4 new deals, 0 already known (matched by address), 2 rows skipped for errors.");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    progress.getByRole("link", { name: "Download error report" }).click(),
  ]);
  const report = await readFile((await download.path())!, "utf8");
  const lines = report.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3); // header and the two bad rows
  expect(report).toContain("lots"); // the bad asking price, as it was written
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["5", "6"]); // file line numbers

  // The good rows are in the prospects table.
  await page.goto("/deals");
  await page.getByLabel("Search").fill(street);
  await expect(page).toHaveURL(new RegExp(`q=${street}`));
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(5); // header + 4 deals
  await expect(table).not.toContainText(`104 ${street}`);

  await table.getByRole("link", { name: `101 ${street} Rd` }).click();
  await expect(page.getByRole("heading", { name: `101 ${street} Rd` })).toBeVisible();

  // MAO = 210,000 x 0.70 - 30,000 - 2,500 = 114,500; spread = 114,500 - 95,000 = 19,500.
  const evidence = page.getByTestId("evidence-row").first();
  await expect(evidence).toContainText("$210,000");
  await expect(evidence).toContainText("$114,500");
  await expect(evidence).toContainText("$19,500");
  await expect(evidence).toContainText("70% ARV");
});
