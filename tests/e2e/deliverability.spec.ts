import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/deliverability");

test("the owner sees a slowed number with its reason, pauses and restores one by hand, and the wordings' results", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Deliverability" }).first().click();
  await expect(page.getByRole("heading", { name: "Deliverability", level: 1 })).toBeVisible();

  const slowed = page.getByTestId("sender").filter({ hasText: "+15550100201" });
  await expect(slowed.getByText("Slowed", { exact: true })).toBeVisible();
  await expect(slowed.getByTestId("sender-reason")).toContainText("Delivery over the last 24 h is 75 %, under 85 %.");
  await expect(page.getByTestId("decision").filter({ hasText: "+15550100201" })).toContainText("Slowed");
  await expect(page.getByTestId("variant")).toHaveCount(2);
  await expect(page.getByTestId("variant").first()).toContainText("Ladder step 1");
  await expectNoAxeViolations(page, "deliverability");
  await shot(page, "deliverability");

  // Pausing needs a reason, next to its field; then the number is paused and the log says by whom.
  const main = page.getByTestId("sender").filter({ hasText: "+15550100200" });
  await main.getByRole("button", { name: "Pause" }).click();
  await expect(main.getByText("Say why (at least 3 characters)")).toBeVisible();
  await main.getByLabel("Why pause +15550100200?").fill("Carrier complaint on this number");
  await main.getByRole("button", { name: "Pause" }).click();
  await expect(main.getByText("Paused", { exact: true })).toBeVisible();
  await expect(main.getByTestId("sender-reason")).toContainText("Paused by hand: Carrier complaint on this number");
  await expect(page.getByTestId("decision").first()).toContainText("Paused by hand");

  // Restored by keyboard alone.
  await main.getByLabel("Why restore +15550100200?").focus();
  await page.keyboard.type("Carrier cleared the number");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(main.getByText("Active", { exact: true })).toBeVisible();
  await expect(main.getByTestId("sender-reason")).toHaveText("Restored by hand: Carrier cleared the number");

  // Adding a sender: a malformed number is refused beside its field.
  const add = page.getByRole("form", { name: "Add a sender" });
  await add.getByLabel("Phone number").fill("not a number");
  await add.getByRole("button", { name: "Add sender" }).click();
  await expect(add.getByText("Use a phone number such as +1 555 010 0200")).toBeVisible();
  await add.getByLabel("Phone number").fill("+1 555 010 0299");
  await add.getByLabel("Label (optional)").fill("Third number");
  await add.getByRole("button", { name: "Add sender" }).click();
  await expect(page.getByTestId("sender").filter({ hasText: "+15550100299" })).toContainText("Third number");
});

test("the ladder editor checks each wording for carrier filters and refuses a link shortener", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/settings/ladder");
  // The demo's first text already rotates two wordings.
  await expect(page.getByRole("textbox", { name: "Wording 2", exact: true })).toHaveValue(/open to selling/);
  await page.getByRole("button", { name: "Add a wording to step 1" }).click();
  const third = page.getByRole("textbox", { name: "Wording 3", exact: true });
  await third.fill("WE BUY HOUSES for cash, see https://bit.ly/abc");
  await expect(page.getByText(/Carriers filter "we buy houses"/)).toBeVisible();
  await expect(page.getByText(/Refused: bit\.ly is a public link shortener/)).toBeVisible();
  await expectNoAxeViolations(page, "ladder editor with findings");
  await page.getByLabel("Reason for the change").fill("Third wording");
  await page.getByRole("button", { name: "Save ladder" }).click();
  await expect(page.locator("#step-0-variant-1-error")).toContainText("bit.ly is a public link shortener");
  await shot(page, "ladder-wordings");

  await third.fill("{{firstName}}, would an offer on {{street}} help you this month?");
  await expect(page.getByText(/Refused:/)).toHaveCount(0);
  await page.getByRole("button", { name: "Save ladder" }).click();
  await expect(page.getByText("Ladder saved; new ladders use it, running ones keep theirs")).toBeVisible();
});
