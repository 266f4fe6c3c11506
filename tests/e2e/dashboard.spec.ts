import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./support";

const SHOTS = "/tmp/shots-f";

/** The number a figure shows ("1,204" -> 1204). */
async function figureValue(page: Page, name: string): Promise<number> {
  const text = await page.locator(`[data-figure="${name}"] [data-figure-value]`).first().innerText();
  return Number(text.replaceAll(",", ""));
}

test("the owner's figures open the lists they count", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/dashboard-owner-1440.png`, fullPage: true });

  for (const status of ["UNDER_CONTRACT", "DEAD", "NEGOTIATING"]) {
    await page.goto("/dashboard");
    const count = await figureValue(page, `status ${status}`);
    expect(count).toBeGreaterThan(0);
    await page.locator(`[data-figure="status ${status}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/deals\\?status=${status}$`));
    await expect(page.getByText(new RegExp(`^${count.toLocaleString("en-US")} deals?$`)).first()).toBeVisible();
  }

  await page.goto("/dashboard");
  const contracts = await figureValue(page, "Contracts this month");
  expect(contracts).toBeGreaterThan(0);
  await page.locator('[data-figure="Contracts this month"]').click();
  await expect(page).toHaveURL(/\/deals\?contractedFrom=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText(new RegExp(`^${contracts} deals?$`)).first()).toBeVisible();

  await page.goto("/dashboard");
  const blockedLink = page.locator('[data-figure^="blocked "]').first();
  const blocked = Number((await blockedLink.locator("[data-figure-value]").innerText()).replaceAll(",", ""));
  await blockedLink.click();
  await expect(page).toHaveURL(/\/outbox\?status=BLOCKED&reason=[a-z_]+&from=/);
  await expect(page.getByTestId("outbox-count")).toHaveText(String(blocked));

  await page.goto("/dashboard");
  const replies = await figureValue(page, "Replies waiting");
  expect(replies).toBeGreaterThan(0);
  await page.locator('[data-figure="Replies waiting"]').click();
  await expect(page).toHaveURL(/\/outbox\?status=RECEIVED&awaiting=reply$/);
  await expect(page.getByTestId("outbox-count")).toHaveText(String(replies));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  await page.screenshot({ path: `${SHOTS}/dashboard-owner-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a VA sees their calls, replies and SLA", async ({ page }) => {
  await signIn(page, demo.va);
  await expect(page.locator('[data-figure="Calls to make now"]')).toBeVisible();
  await expect(page.getByText("Your SLA")).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/dashboard-va-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/dashboard-va-390.png`, fullPage: true });
  await page.locator('[data-figure="Calls to make now"]').click();
  await expect(page).toHaveURL(/\/inbox\?owner=me$/);
});

test("the skip link is the first tab stop and lands in the main content", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await signIn(page, demo.owner);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("a submit button keeps the focus while its form is pending and after", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demo.owner.email);
  await page.getByLabel("Password").fill("not-the-password");
  const submit = page.getByRole("button", { name: /Sign in/ });
  await submit.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/incorrect|invalid|wrong/i).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeFocused();
});
