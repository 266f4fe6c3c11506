import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

test("an owner sees the workspace's usage against its plan and moves it to another plan", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/settings");
  const card = page.getByRole("region", { name: "Plan and usage" });
  // A usage line's figure: the definition right after its term.
  const usageOf = (term: string) => card.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd[1]");
  await expect(page.getByTestId("current-plan")).toHaveText("Pro");
  await expect(card.getByText("New properties this month")).toBeVisible();
  await expect(usageOf("New properties this month")).toHaveText(/^\d[\d,]* of 1,000$/);
  await expect(card.getByText(/resets on \d+ \w+ \d{4} at 00:00 UTC/)).toBeVisible();
  // The demo's own SMS cap (500) is below Pro's (1,000): the lower applies.
  await expect(usageOf("Texts sent today")).toHaveText(/^\d+ of 500$/);

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 1100 });
    await page.getByText("Plan and usage", { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots-c/settings-plan-${width}.png`, fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => v.id), `axe at ${width}px`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow, `no horizontal scroll at ${width}px`).toBe(false);
  }
  await page.setViewportSize({ width: 1440, height: 1100 });

  // By keyboard: choose Free in the plan select and submit.
  await page.getByLabel("Plan", { exact: true }).focus();
  await page.getByLabel("Plan", { exact: true }).selectOption("FREE");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Change plan" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Plan changed")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await expect(usageOf("New properties this month")).toHaveText(/^\d[\d,]* of 100$/);
  await page.screenshot({ path: "/tmp/shots-c/settings-plan-free-1440.png", fullPage: true });

  await page.goto("/audit?action=tenant.plan_changed");
  const row = page.getByTestId("audit-row").first();
  await row.getByText("View change").click();
  await expect(row).toContainText("PRO");
  await expect(row).toContainText("FREE");
});

test("an admin sees the usage but cannot change the plan", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/settings");
  await expect(page.getByText("New properties this month")).toBeVisible();
  await expect(page.getByText("Only an owner can change the plan.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Change plan" })).toHaveCount(0);
});
