import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

test("an admin edits the workspace profile; bad input is shown beside the field and nothing is saved", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/settings");
  await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#timeZone-error")).toContainText("valid time zone");
  await expect(page.getByLabel("Time zone")).toHaveValue("Mars/Olympus_Mons");

  await page.getByLabel("Time zone").fill("America/Chicago");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Workspace profile saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Chicago");

  await page.goto("/audit?action=tenant.updated");
  const row = page.getByTestId("audit-row").first();
  await row.getByText("View change").click();
  await expect(row).toContainText("America/New_York");
  await expect(row).toContainText("America/Chicago");
});

test("on a phone the navigation opens from the menu button", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, demo.owner);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await context.close();
});
