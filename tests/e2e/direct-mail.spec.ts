import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, openUnderwrittenDeal, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/direct-mail");

test("a postcard is checked, refused at a wrong city, sent, and its proof opens as a PDF", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);
  const { dealPath } = await openUnderwrittenDeal(page);

  const form = page.getByRole("form", { name: "Send mail" });
  await form.getByLabel("Message").fill("Hi {{firstName}}, we would like to make an offer on {{street}}.");
  const city = form.getByLabel("City");
  const realCity = await city.inputValue();
  expect(realCity).not.toBe("");

  // A city the ZIP is not in: the check says so next to the field, by keyboard.
  await city.fill("Nowhereville");
  await form.getByRole("button", { name: "Check address and cost" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.locator("#mail-city-error")).toContainText("not Nowhereville");
  await expect(city).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "deal page with the mail check refused");

  // The lead's own address verifies and is priced against the budget.
  await city.fill(realCity);
  await form.getByRole("button", { name: "Check address and cost" }).click();
  await expect(form.getByTestId("mail-result")).toContainText("Address verified");
  await expect(form.getByTestId("mail-result")).toContainText("monthly budget used");
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByTestId("mail-result")).toContainText("Sent for printing");

  await page.goto(dealPath);
  const pieces = page.getByRole("list", { name: "Mail pieces" });
  await expect(pieces.getByText("Proof rendered").first()).toBeVisible();
  const proof = pieces.getByRole("link", { name: /Open the proof \(PDF\)/ }).first();
  const response = await page.request.get((await proof.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await shot(page, "deal-mail", page.getByRole("form", { name: "Send mail" }));

  await page.goto("/mail");
  await expect(page.getByRole("heading", { name: "Direct mail", level: 1 })).toBeVisible();
  await expect(page.getByTestId("mail-budget")).toContainText("used");
  await expect(page.getByTestId("mail-row").first()).toContainText("Postcard");
  await expectNoAxeViolations(page, "/mail");
  await shot(page, "mail-page");
  await page.setViewportSize({ width: 390, height: 900 });
  await expect(page.getByTestId("mail-row").first()).toBeVisible();
});
