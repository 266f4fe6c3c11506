import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shoot = screenshotsTo(process.env.SHOTS_DIR ?? "test-results/shots");

test("an owner creates an API key that acts as them, to approve drafts by API", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill("Approvals bot");
  await dialog.getByLabel("approvals:read").check();
  await dialog.getByLabel("approvals:write").check();
  const actAsMe = dialog.getByRole("checkbox", { name: "Act as me (needed to approve drafts by API)" });
  await actAsMe.focus();
  await page.keyboard.press("Space");
  await expect(actAsMe).toBeChecked();
  await expectNoAxeViolations(page, "new API key dialog");
  await shoot(page, "api-key-dialog", dialog);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("API key").inputValue();
  expect(key).toMatch(/^dfk_/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: /Approvals bot/ });
  await expect(row.getByText(`Acts as ${demo.owner.name}`)).toBeVisible();
  await shoot(page, "api-keys");

  // The key is bound: the pending drafts answer, and approving an unknown draft is 404, not 403.
  const pending = await page.request.get("/api/v1/actions/pending", { headers: { authorization: `Bearer ${key}` } });
  expect(pending.status()).toBe(200);
  const approve = await page.request.post("/api/v1/actions/no-such-draft/approve", { headers: { authorization: `Bearer ${key}` }, data: {} });
  expect(approve.status()).toBe(404);
});
