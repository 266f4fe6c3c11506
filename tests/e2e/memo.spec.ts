import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, openUnderwrittenDeal, screenshotsTo, signIn } from "./support";

const shots = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/memo");

test("an owner generates a deal's investor memo on its Documents tab and opens it as a PDF", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);
  const { dealPath } = await openUnderwrittenDeal(page);

  await page.getByRole("navigation", { name: "Deal sections" }).getByRole("link", { name: "Documents" }).click();
  await expect(page).toHaveURL(new RegExp(`${dealPath}/documents$`));
  await expect(page.getByText("Investor memo", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "documents tab before a memo");
  await shots(page, "memo-documents-before");

  // A rerun finds earlier versions: the next one is one more than the rows already listed.
  const before = await page.getByRole("row", { name: /Memo v\d+/ }).count();
  await page.getByRole("button", { name: /^Generate (memo|a new version)$/ }).click();
  await expect(page.getByText(`Memo version ${before + 1} is ready`)).toBeVisible({ timeout: 30_000 });
  const newest = page.getByRole("row", { name: new RegExp(`Memo v${before + 1}\\b`) });
  await expect(newest).toBeVisible();
  await expectNoAxeViolations(page, "documents tab with a memo");
  await shots(page, "memo-documents-after");

  // Opening it: a signed link, for this user only, that answers the PDF.
  const open = newest.getByRole("link", { name: `Open memo version ${before + 1} (PDF)` });
  const href = await open.getAttribute("href");
  expect(href).toMatch(/^\/api\/files\/[^/]+\/download\?token=\d+\.[\w-]{43}$/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // The same link with its token altered opens nothing.
  expect((await page.request.get(href!.replace(/token=(\d+)/, (_, n) => `token=${Number(n) + 60}`))).status()).toBe(403);

  // No sideways scroll at a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await page.setViewportSize({ width: 1440, height: 900 });

  // The memo is on the deal's timeline, and the blast form offers to attach it.
  await page.goto(dealPath);
  await expect(page.getByText(`Investor memo v${before + 1} generated`)).toBeVisible();
  await page.goto(`${dealPath}/buyers`);
  const attach = page.getByRole("checkbox", { name: `Attach the investor memo (v${before + 1}, PDF) to the emails` });
  if (await page.getByRole("button", { name: /Send the blast/ }).count()) await expect(attach).toBeEnabled();
});
