import { expect, test, type Page } from "@playwright/test";
import { demo, signIn, screenshotsTo, expectNoAxeViolations } from "./support";

const SHOTS = "/tmp/shots-d";
const shoot = screenshotsTo(SHOTS);
const SAM_KEY = "sam-gov-e2e-secret-key-7f3a";

function providerItem(page: Page, title: RegExp) {
  return page.getByRole("list", { name: "Providers" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
}

test("an owner stores SAM.gov credentials, sees them only masked, and a connection test reports the failure", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Integrations", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1, exact: true })).toBeVisible();
  const sam = providerItem(page, /SAM\.gov/);
  await expect(sam.getByText("Local")).toBeVisible();
  await shoot(page, "integrations");

  // By keyboard: focus the Add button and press Enter.
  await sam.getByRole("button", { name: "Add SAM.gov credentials" }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "SAM.gov credentials" });
  await form.getByRole("button", { name: "Save credentials" }).click();
  await expect(form.getByText("Enter the SAM.gov API key")).toBeVisible();
  await form.getByLabel("API key").fill(SAM_KEY);
  await shoot(page, "integrations-form");
  await form.getByRole("button", { name: "Save credentials" }).click();
  await expect(page.getByText("Credentials saved").first()).toBeVisible();
  await expect(form).toBeHidden();
  await expect(sam.getByText("Workspace credentials")).toBeVisible();
  await expect(sam.getByText("…7f3a", { exact: true })).toBeVisible();

  // Neither the page nor a fresh load carries the secret.
  await page.reload();
  expect(await page.content()).not.toContain(SAM_KEY);
  await expect(sam.getByText("…7f3a", { exact: true })).toBeVisible();

  // Saving again with the secret left blank keeps it.
  await sam.getByRole("button", { name: "Edit SAM.gov credentials" }).click();
  await expect(form.getByText("Stored (…7f3a). Leave empty to keep it.")).toBeVisible();
  await expect(form.getByLabel("API key")).toHaveValue("");
  await form.getByRole("button", { name: "Save credentials" }).click();
  await expect(form).toBeHidden();
  await expect(sam.getByText("…7f3a", { exact: true })).toBeVisible();

  // Offline (or with this made-up key) the provider cannot say yes: the test reports a failure.
  await sam.getByRole("button", { name: "Test connection to SAM.gov" }).click();
  await expect(sam.getByRole("status")).toContainText(/^Failed/, { timeout: 20_000 });
  await shoot(page, "integrations-tested");
  await expectNoAxeViolations(page);

  page.once("dialog", (dialog) => dialog.accept());
  await sam.getByRole("button", { name: "Remove SAM.gov credentials" }).click();
  await expect(sam.getByText("Local")).toBeVisible();
});

test("a bad field is named next to the field and the input is kept", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/settings/integrations");
  const twilio = providerItem(page, /Twilio/);
  await twilio.getByRole("button", { name: "Add Twilio (SMS) credentials" }).click();
  const form = page.getByRole("form", { name: "Twilio (SMS) credentials" });
  await form.getByLabel("Account SID").fill("XX123");
  await form.getByLabel("Auth token").fill("a-twilio-token-for-e2e-0001");
  await form.getByRole("button", { name: "Save credentials" }).click();
  await expect(form.getByText("An account SID starts with AC")).toBeVisible();
  await expect(form.getByText("Give a from number or a messaging service SID")).toBeVisible();
  await expect(form.getByLabel("Account SID")).toHaveValue("XX123");
});

test("a VA cannot open Integrations", async ({ page }) => {
  await signIn(page, demo.va);
  await expect(page.getByRole("link", { name: "Integrations", exact: true })).toHaveCount(0);
});
