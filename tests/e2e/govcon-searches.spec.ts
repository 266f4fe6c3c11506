import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/govcon-searches");

test("an owner saves a filtered opportunity search and opens its matches from Saved searches", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);
  const name = `Ohio roofing ${Date.now().toString(36)}`;

  // The opportunities, narrowed to roofing in Ohio.
  await page.goto("/govcon?naics=2381&state=OH");
  const open = page.getByRole("button", { name: "Save this search" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Save this search" });
  await expect(dialog).toContainText("NAICS 2381*, in OH");

  // Nothing to be told by: the error sits beside the channels.
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("In-app").uncheck();
  await dialog.getByRole("button", { name: "Save search" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose at least one way to be told");
  await expectNoAxeViolations(page, "save search dialog with an error");
  await shot(page, "save-search-error");

  await dialog.getByLabel("In-app").check();
  await dialog.getByLabel("Email").check();
  await dialog.getByLabel("Minimum fit").fill("40");
  await dialog.getByLabel("Tell me").selectOption("DIGEST");
  await dialog.getByRole("button", { name: "Save search" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("status").getByRole("link", { name: "See your saved searches" }).click();

  // Listed with its filters in words, how it tells, and its matches now.
  await expect(page).toHaveURL(/\/govcon\/searches$/);
  const row = page.getByTestId("saved-search-row").filter({ hasText: name });
  await expect(row).toContainText("NAICS 2381*, in OH, fit 40+");
  await expect(row).toContainText("Daily digest");
  await expect(row).toContainText("In-app, Email");
  // The demo's own searches are there too.
  await expect(page.getByTestId("saved-search-row").filter({ hasText: "Small-business roofing in Ohio" })).toBeVisible();
  // The demo sync's match of it is among the recent alerts, linking to the notice.
  await expect(page.getByRole("link", { name: /matching "Small-business roofing in Ohio"/ }).first()).toHaveAttribute("href", /^\/govcon\/[^/]+$/);
  await expectNoAxeViolations(page, "saved searches");
  await shot(page, "saved-searches");

  // Editing by keyboard keeps the filters.
  await row.getByRole("button", { name: `Edit ${name}` }).focus();
  await page.keyboard.press("Enter");
  const edit = page.getByRole("dialog", { name: `Edit "${name}"` });
  await edit.getByLabel("Tell me").selectOption("IMMEDIATE");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("At once, after each sync");
  await expect(row).toContainText("NAICS 2381*, in OH, fit 40+");

  // "Matches now" opens Opportunities with the same filters.
  const matches = row.getByRole("link", { name: new RegExp(`opportunities match ${name}`) });
  const count = (await matches.textContent())?.trim() ?? "";
  await matches.click();
  await expect(page).toHaveURL(/\/govcon\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("naics")).toBe("2381");
  expect(url.searchParams.get("state")).toBe("OH");
  expect(url.searchParams.get("fitMin")).toBe("40");
  if (count !== "0") await expect(page.getByText(new RegExp(`^${count} notices? match these filters`))).toBeVisible();

  // At 390 px the list still reads, then the search is deleted.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/govcon/searches");
  await expect(row).toBeVisible();
  await shot(page, "saved-searches-390");
  await expectNoAxeViolations(page, "saved searches at 390 px");
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete search" }).click();
  await expect(page.getByTestId("saved-search-row").filter({ hasText: name })).toHaveCount(0);
});
