import { expect, test, type Page } from "@playwright/test";
import { demo, signIn, screenshotsTo, expectNoAxeViolations } from "./support";

const SHOTS = "/tmp/shots-h";
const shoot = screenshotsTo(SHOTS);
const DAY_MS = 86_400_000;

async function uploadCopy(page: Page, copy: { kind: string; name: string; downloadedAt: string; lines: string[] }) {
  const form = page.getByRole("form", { name: "Upload a registry copy" });
  await form.getByLabel("Registry").selectOption({ label: copy.kind });
  await form.getByLabel("Name").fill(copy.name);
  await form.getByLabel("Downloaded on").fill(copy.downloadedAt);
  await form.getByLabel("File").setInputFiles({ name: "registry.txt", mimeType: "text/plain", buffer: Buffer.from(copy.lines.join("\n") + "\n") });
  await form.getByRole("button", { name: "Upload copy" }).click();
  return form;
}

/** Removes a registry from its row, by keyboard, through the confirmation dialog. */
async function removeCopy(page: Page, name: string) {
  await page.getByRole("button", { name: `Remove copy: ${name}` }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Remove "${name}"?` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an admin uploads a DNCL copy, sees its count, age and warning, and removes it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.admin);
  await page.getByRole("link", { name: "DNC registries" }).first().click();
  await expect(page.getByRole("heading", { name: "Do-not-call registries", level: 1 })).toBeVisible();

  // The demo workspace has its US copy, fresh; without a DNCL copy, Canadian numbers are refused.
  const us = page.locator('[data-testid="registry-row"][data-kind="US_NATIONAL"]');
  await expect(us.getByText("Current")).toBeVisible();
  await expect(page.getByTestId("dncl-warning")).toContainText("No copy of Canada's National DNCL is loaded");
  await expectNoAxeViolations(page);
  await shoot(page, "registries");

  // No file: the error is beside the field and the other fields keep their input.
  const form = page.getByRole("form", { name: "Upload a registry copy" });
  await form.getByLabel("Name").fill("Ontario DNCL");
  await form.getByRole("button", { name: "Upload copy" }).click();
  await expect(form.getByText("Choose the registry file (.txt or .csv)")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Ontario DNCL");

  // A copy downloaded 27 days ago: loaded, counted, and flagged for renewal.
  const downloadedAt = new Date(Date.now() - 27 * DAY_MS).toISOString().slice(0, 10);
  await uploadCopy(page, { kind: "Canada National DNCL", name: "Ontario DNCL", downloadedAt, lines: ["4165550100", "(647) 555-0101", "1-905-555-0102", "4165550100", "not a number"] });
  await expect(form.getByRole("status")).toContainText("Loaded 3 numbers, 1 repeated; 1 invalid line.");
  const dncl = page.locator('[data-testid="registry-row"][data-kind="CA_NATIONAL"]');
  await expect(dncl.getByTestId("registry-count")).toContainText("3");
  await expect(dncl.getByText("27 days old", { exact: false })).toBeVisible();
  await expect(dncl.getByText("Renew soon")).toBeVisible();
  await expect(page.getByTestId("dncl-warning")).toContainText('The DNCL copy "Ontario DNCL" is 27 days old');
  await expectNoAxeViolations(page);
  await shoot(page, "registries-loaded");

  // Removing it asks first; keeping it changes nothing.
  let dialog = await removeCopy(page, "Ontario DNCL");
  await expect(dialog).toContainText("every text and call to a Canadian number is refused");
  await expectNoAxeViolations(page);
  await shoot(page, "registries-remove-dialog");
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dncl).toBeVisible();
  dialog = await removeCopy(page, "Ontario DNCL");
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText('Removed "Ontario DNCL"')).toBeVisible();
  await expect(dncl).toHaveCount(0);
  await expect(page.getByTestId("dncl-warning")).toContainText("No copy of Canada's National DNCL is loaded");

  // The removal is in the audit log.
  await page.goto("/audit");
  await expect(page.getByText("dnc_registry.removed").first()).toBeVisible();
});

test("a call task whose number is on a registry shows why instead of the tel: link", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.admin);
  await page.goto("/inbox");
  const tasks = page.getByRole("list", { name: "Due tasks" }).getByRole("listitem");
  await tasks.first().getByRole("link").click();
  await expect(page).toHaveURL(/task=/);
  const taskUrl = page.url();
  const detail = page.getByRole("region", { name: "Task detail" });
  const phone = /\+1\d{10}/.exec((await detail.textContent()) ?? "")?.[0];
  expect(phone).toBeTruthy();
  await expect(detail.getByTestId("registry-call-block")).toHaveCount(0);

  await page.goto("/settings/compliance/registries");
  const today = new Date().toISOString().slice(0, 10);
  const form = await uploadCopy(page, { kind: "Internal do-not-call list", name: "Asked not to be called", downloadedAt: today, lines: [phone!] });
  await expect(form.getByRole("status")).toContainText("Loaded 1 number;");

  await page.goto(taskUrl);
  const block = detail.getByTestId("registry-call-block");
  await expect(block).toContainText("is on the internal do-not-call list");
  await expect(detail.locator('a[href^="tel:"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, "inbox-registry-block");

  // Off the list again, the tel: link (or the calling-hours notice) is back.
  await page.goto("/settings/compliance/registries");
  const dialog = await removeCopy(page, "Asked not to be called");
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText('Removed "Asked not to be called"')).toBeVisible();
  await page.goto(taskUrl);
  await expect(detail.getByTestId("registry-call-block")).toHaveCount(0);
});
