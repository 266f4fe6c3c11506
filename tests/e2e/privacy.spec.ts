import { expect, test } from "@playwright/test";
import { demo, signIn, screenshotsTo, expectNoAxeViolations } from "./support";

const SHOTS = "/tmp/shots-b";
const shoot = screenshotsTo(SHOTS);

test("an owner files an erasure request, runs it, and sees the proof", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);
  const suffix = String(Math.floor(Math.random() * 9000) + 1000);
  const phone = `901 555 ${suffix}`;

  await page.goto("/deals/new");
  await page.getByLabel("Street").fill(`${suffix} Erasure Row`);
  await page.getByLabel("City").fill("Memphis");
  await page.getByLabel("State / province").fill("TN");
  await page.getByLabel("ZIP / postal code").fill("38103");
  await page.getByLabel("Phone").fill(phone);
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${suffix} Erasure Row` })).toBeVisible();

  await page.getByRole("link", { name: "Privacy requests" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy requests" })).toBeVisible();
  await shoot(page, "privacy-before");

  // Nothing to identify the person: the error is next to the fields, the input kept.
  const form = page.getByRole("form", { name: "File a privacy request" });
  await form.getByLabel("Name").fill("Only A Name");
  await form.getByRole("button", { name: "File request" }).click();
  await expect(form.getByLabel("Street address")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name")).toHaveValue("Only A Name");
  await form.getByLabel("Name").fill("");

  // By keyboard: the phone, then Enter files it.
  await form.getByLabel("Phone").focus();
  await page.keyboard.type(phone);
  await page.keyboard.press("Enter");
  const table = page.getByRole("table", { name: "Privacy requests" });
  const row = table.getByRole("row").filter({ hasText: phone.replace(/ /g, "") }).or(table.getByRole("row").filter({ hasText: phone })).first();
  await expect(row).toContainText("pending");
  await expect(row).toContainText("due");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Run pending requests now" }).click();
  await expect(page.getByText(/request\(s\) carried out/)).toBeVisible();
  await page.reload();
  const done = page.getByRole("table", { name: "Privacy requests" }).getByRole("row").filter({ hasText: "completed" }).filter({ hasText: "erased" }).first();
  await expect(done).toBeVisible();
  await done.getByText(/row\(s\) in \d+ table\(s\)/).click();
  await expect(done).toContainText("Suppression");
  await expect(done).toContainText("Deal");
  await shoot(page, "privacy-after");
  await expectNoAxeViolations(page);

  // The audit log has the request and its completion.
  await page.goto("/audit?action=privacy");
  await expect(page.getByText("privacy.erased").first()).toBeVisible();
});
