import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

// The pages people keep open ship only what they show: /deals its 25 rows once (one markup
// for phones and desktops, rows handed to the browser as data), the outbox one page of 50.
const KB = 1024;

test("Prospects ships 25 rows in at most 80 KB of HTML", async ({ page }) => {
  await signIn(page, demo.owner);
  const response = await page.request.get("/deals");
  expect(response.ok()).toBe(true);
  const html = await response.body();
  expect(html.length, `/deals is ${(html.length / KB).toFixed(1)} KB`).toBeLessThanOrEqual(80 * KB);
  expect(html.toString("utf8").match(/data-testid="prospect-row"/g)).toHaveLength(25);

  // The same rows, once, as a table on a desktop and as cards on a phone.
  await page.goto("/deals");
  await expect(page.getByTestId("prospect-row")).toHaveCount(25);
  await expect(page.getByRole("columnheader", { name: /Spread %/ })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("columnheader", { name: /Spread %/ })).toBeHidden();
  const card = page.getByTestId("prospect-row").first();
  await expect(card.getByRole("link").first()).toBeVisible();
  expect((await card.boundingBox())!.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the outbox shows 50 messages a page with links to the others", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/outbox");
  const total = Number(await page.getByTestId("outbox-count").innerText());
  expect(total).toBeGreaterThan(0);
  await expect(page.getByTestId("message-row")).toHaveCount(Math.min(total, 50));
  const response = await page.request.get("/outbox");
  const html = await response.body();
  expect(html.length, `/outbox is ${(html.length / KB).toFixed(1)} KB`).toBeLessThanOrEqual(200 * KB);
  if (total > 50) {
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByTestId("outbox-count")).toHaveText(String(total));
    await expect(page.getByTestId("message-row")).toHaveCount(Math.min(total - 50, 50));
  }
});
