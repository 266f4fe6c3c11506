import { expect, test, type Page } from "@playwright/test";
import { demo, screenshotsTo, signIn } from "./support";

// A street no other test or demo deal uses, so the table search finds only these rows.
const street = `Sw${Date.now().toString(36).slice(-6)}`;
const header = "Property Address,City,State,Zip,Asking Price,ARV,Est. Repairs";
const firstList = [header, `201 ${street} Ln,Memphis,TN,38104,95000,210000,30000`, `202 ${street} Ln,Memphis,TN,38104,210000,150000,10000`].join("\n");
// Row 1 repeats a deal of the first list (written another way); row 2 is new.
const secondList = [header, `201 ${street} Lane,Memphis,TN,38104,94000,210000,30000`, `203 ${street} Ln,Memphis,TN,38104,80000,170000,20000`].join("\n");
const shoot = screenshotsTo("/tmp/shots-c");

async function importList(page: Page, fileName: string, csv: string, listName: string) {
  await page.goto("/deals/import");
  await page.getByLabel("CSV file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  const name = page.getByLabel("List name");
  await expect(name).toHaveValue(fileName.replace(/\.csv$/, ""));
  await name.fill(listName);
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByText("Import finished")).toBeVisible({ timeout: 30_000 });
  return progress;
}

test("a second list stacks onto existing deals: the summary, the Lists column and filter, and a deal's flags with reasons", async ({ page }) => {
  await signIn(page, demo.owner);
  const first = await importList(page, "probate-leads.csv", firstList, `Probate ${street}`);
  await expect(first).toContainText("2 new deals, 0 already known");
  await expect(first).toContainText(`No row stacked onto an existing deal (list “Probate ${street}”).`);

  const second = await importList(page, "tax-leads.csv", secondList, `Tax delinquent ${street}`);
  await expect(second).toContainText("1 new deal, 1 already known (matched by address)");
  await expect(second).toContainText(`1 known row stacked onto an existing deal, which gains the list “Tax delinquent ${street}”.`);
  await expect(second.getByText("Stacked", { exact: true })).toBeVisible();
  await shoot(page, "import-summary", second);

  // The Prospects table: the Lists column, then the "on at least N lists" filter.
  // The Lists column is hidden until shown (Columns); the URL shows it with the other defaults kept hidden.
  await page.goto(`/deals?q=${street}&cols=intent,mao,market,source`);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("columnheader", { name: "Lists" })).toBeVisible();
  await page.getByLabel("On at least N lists").fill("2");
  await page.getByLabel("On at least N lists").press("Enter");
  await expect(page).toHaveURL(/listsMin=2/);
  await expect(table.getByRole("row")).toHaveCount(2);
  const stacked = table.getByRole("row").nth(1);
  await expect(stacked).toContainText(`201 ${street} Ln`);
  await shoot(page, "prospects-lists");

  // The data-quality filter finds the deal whose ARV is below its asking price.
  await page.getByLabel("On at least N lists").fill("");
  await page.getByLabel("On at least N lists").press("Enter");
  await expect(page).not.toHaveURL(/listsMin=/);
  await page.getByLabel("Data quality").selectOption("arv_below_asking");
  await expect(page).toHaveURL(/quality=arv_below_asking/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("link", { name: `202 ${street} Ln` }).click();
  const card = page.getByRole("region", { name: "Lists and data quality" });
  await expect(card).toContainText("On 1 lead list");
  await expect(card).toContainText("ARV below asking");
  await expect(card).toContainText("ARV $150,000 is below the asking price $210,000: there is no spread to buy");
  await shoot(page, "deal-flags", card);

  // The stacked deal lists both lists.
  await page.goto(`/deals?q=${street}&listsMin=2`);
  await page.getByRole("link", { name: `201 ${street} Ln` }).click();
  const stackedCard = page.getByRole("region", { name: "Lists and data quality" });
  await expect(stackedCard).toContainText("On 2 lead lists");
  await expect(stackedCard).toContainText(`Probate ${street}`);
  await expect(stackedCard).toContainText(`Tax delinquent ${street}`);
  await expect(stackedCard).toContainText("No data-quality flags");
});
