import { expect, test } from "@playwright/test";
import { demo, signIn, screenshotsTo, expectNoAxeViolations } from "./support";

const SHOTS = "/tmp/shots-a";
const shoot = screenshotsTo(SHOTS);
const WORDING = "I agree to receive texts about my property. Reply STOP to opt out.";

test("consent taken by hand carries its basis and evidence, on the deal and on Compliance", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.owner);
  const suffix = String(Math.floor(Math.random() * 9000) + 1000);
  const street = `${suffix} Basis Ave`;

  await page.goto("/deals/new");
  await page.getByLabel("Street").fill(street);
  await page.getByLabel("City").fill("Memphis");
  await page.getByLabel("State / province").fill("TN");
  await page.getByLabel("ZIP / postal code").fill("38103");
  await page.getByLabel("Phone").fill(`901 555 ${suffix}`);
  await page.getByLabel("Consent given").selectOption("yes");
  await page.getByLabel("Source", { exact: true }).fill("Web form");
  // Prior express written consent without the words is refused next to the wording, the input kept.
  await page.getByLabel("Basis").selectOption("PRIOR_EXPRESS_WRITTEN");
  await page.getByLabel("Evidence").fill("203.0.113.7");
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByLabel("Words agreed to")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Prior express written consent needs the words agreed to")).toBeVisible();
  await expect(page.getByLabel("Evidence")).toHaveValue("203.0.113.7");
  await page.getByLabel("Words agreed to").fill(WORDING);
  await shoot(page, "deal-new-consent");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: street })).toBeVisible();

  const consent = page.getByTestId("contact-consent");
  await expect(consent.locator('[data-channel="SMS"]')).toHaveAttribute("data-basis", "PRIOR_EXPRESS_WRITTEN");
  await expect(consent).toContainText("written consent");
  await expect(consent).toContainText("203.0.113.7");
  await shoot(page, "deal-consent");
  await expectNoAxeViolations(page);

  // A manual opt-in on Compliance, by keyboard, with an established relationship.
  const phone = `+1901556${suffix}`;
  await page.goto("/settings/compliance");
  const form = page.getByRole("form", { name: "Record consent" });
  await form.getByLabel("Phone or email").fill(phone);
  await form.getByLabel("Reason").fill("Past client, asked to be kept posted");
  await form.getByLabel("Basis").focus();
  await form.getByLabel("Basis").selectOption("ESTABLISHED_RELATIONSHIP");
  await form.getByLabel("Evidence").fill("closing-file-2024-118");
  await form.getByLabel("Evidence").press("Enter");
  const row = page.getByTestId("consent-row").filter({ hasText: phone });
  await expect(row).toContainText("opted in");
  await expect(row).toContainText("relationship");
  await expect(row).toContainText("closing-file-2024-118");
  await shoot(page, "compliance-consent");
  await expectNoAxeViolations(page);
});
