import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shoot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "/tmp/shots-b");

test("an owner adds a buyer, fixes a field error, finds it by filter and edits its buy box", async ({ page }) => {
  const name = `Harbor Cash ${Date.now().toString(36)}`;
  const phone = `+1713555${String(Date.now() % 10_000).padStart(4, "0")}`;
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Buyers" }).first().click();
  await expect(page.getByRole("heading", { name: "Buyers" })).toBeVisible();
  await shoot(page, "buyers-list");

  await page.goto("/buyers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Phones").fill(phone);
  await page.getByLabel("Markets").fill("TX:Houston");
  await page.getByLabel("ZIP codes and FSAs").fill("7700");
  await page.getByLabel("Minimum price").fill("$100k");
  await page.getByLabel("Maximum price").fill("250000");
  await page.getByRole("checkbox", { name: "Single family" }).check();
  await page.getByRole("checkbox", { name: "Flip" }).check();
  await page.getByRole("button", { name: "Add buyer" }).click();

  // The error shows next to the field, which takes the focus.
  const postal = page.getByLabel("ZIP codes and FSAs");
  await expect(postal).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#postalCodes-error")).toContainText('"7700" is not a US ZIP');
  await expect(postal).toBeFocused();
  await shoot(page, "buyer-new-error");
  await postal.fill("77002 77003");
  await page.getByRole("button", { name: "Add buyer" }).click();
  await expect(page).toHaveURL(/\/buyers\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Tier C")).toBeVisible();
  await expect(page.getByText("new", { exact: true })).toBeVisible();
  await expect(page.getByText(/Nothing yet/)).toBeVisible();
  const buyerPath = new URL(page.url()).pathname;

  await page.goto("/buyers");
  await page.getByLabel("Search").fill(name);
  // The filters past the search are folded until opened (or in use).
  await page.getByText("More filters").click();
  await page.getByLabel("Market").fill("TX:Houston");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/market=TX%3AHouston/);
  await expect(page.getByText("1 buyer", { exact: true })).toBeVisible();
  await shoot(page, "buyers-filtered");

  // The filtered list saved as a segment, then deleted from the list of segments.
  const segment = `Seg ${name}`;
  await page.getByLabel("Save these filters as a segment").fill(segment);
  await page.getByRole("button", { name: "Save segment" }).click();
  const segments = page.getByRole("navigation", { name: "Segments" });
  await expect(segments.getByRole("link", { name: segment })).toBeVisible();
  await segments.getByRole("button", { name: `Delete segment ${segment}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete segment" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByText(`Segment ${segment} deleted`)).toBeVisible();
  await expect(page.getByRole("link", { name: segment })).toHaveCount(0);
  await expect(page.getByLabel("Market")).toHaveValue("TX:Houston");

  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`${buyerPath}$`));

  // Edit the buy box: a range that is not one is refused beside the field, then fixed.
  await page.getByLabel("Minimum price").fill("300000");
  await page.getByRole("button", { name: "Save buyer" }).click();
  await expect(page.locator("#priceMin-error")).toContainText("Minimum price is above the maximum price");
  await page.getByLabel("Minimum price").fill("150000");
  await page.getByLabel("Maximum price").fill("");
  await page.getByRole("checkbox", { name: "Rental" }).check();
  await page.getByLabel("Rehab appetite").selectOption("LIGHT");
  await page.getByRole("button", { name: "Save buyer" }).click();
  await expect(page.getByText("Buyer saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Minimum price")).toHaveValue("150000");
  await expect(page.getByLabel("Maximum price")).toHaveValue("");
  await expect(page.getByRole("checkbox", { name: "Rental" })).toBeChecked();
  await expect(page.getByLabel("Rehab appetite")).toHaveValue("LIGHT");
  await expectNoAxeViolations(page, "buyer page");
  await shoot(page, "buyer-detail");

  // Deleting asks first; "Keep it" backs out, "Delete" takes the buyer off the list.
  await page.getByRole("button", { name: "Delete buyer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.getByRole("button", { name: "Delete buyer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/buyers$/);
  await page.goto(`/buyers?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No buyer matches these filters")).toBeVisible();
  await shoot(page, "buyers-empty-filtered");
  expect((await page.goto(buyerPath))?.status()).toBe(404);
});

test("the buyer pages pass axe at desktop and phone width and work by keyboard", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/buyers");
  const buyerPath = await page.locator('main a[href^="/buyers/"]:not([href="/buyers/new"])').first().getAttribute("href");
  for (const path of ["/buyers", "/buyers/new", buyerPath!]) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} at ${width}px`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/buyers/new");
  await shoot(page, "buyer-new");

  // The delete confirmation opens and closes from the keyboard, and focus comes back.
  await page.goto(buyerPath!);
  const remove = page.getByRole("button", { name: "Delete buyer" });
  await remove.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();

  // The folded filters open from the keyboard.
  await page.goto("/buyers");
  await page.getByText("More filters").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Market")).toBeVisible();
});

test("a viewer reads a buyer's buy box without a way to change it", async ({ page }) => {
  await signIn(page, demo.viewer);
  await page.goto("/buyers");
  await expect(page.getByRole("link", { name: "Add a buyer" })).toHaveCount(0);
  await page.locator('main a[href^="/buyers/"]').first().click();
  await expect(page).toHaveURL(/\/buyers\/[^/]+$/);
  await expect(page.getByText("Your role can view buyers but not edit them.")).toBeVisible();
  const buyBox = page.getByRole("region", { name: "Buy box" });
  await expect(buyBox.getByText("Rehab appetite")).toBeVisible();
  await expect(buyBox.getByText("Price", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save buyer" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete buyer" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Buyer and buy box" })).toHaveCount(0);
  await expectNoAxeViolations(page, "buyer page, read only");
  await shoot(page, "buyer-read-only");
});
