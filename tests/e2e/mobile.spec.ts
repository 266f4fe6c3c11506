import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

const SHOTS = "/tmp/shots-c";

/**
 * At a phone's width (390 px) no page scrolls sideways: the navigation collapses into its
 * menu, and wide tables scroll inside their own container.
 */
test("every page in the navigation fits a 390 px phone", async ({ page }) => {
  test.setTimeout(420_000);
  await signIn(page, demo.owner);
  const links = await page.locator('aside nav[aria-label="Main"] a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!));
  expect(links.length).toBeGreaterThan(10);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflowing: string[] = [];
  for (const href of links) {
    const response = await page.goto(href);
    expect(response?.status(), `${href} answers`).toBeLessThan(400);
    // Not "networkidle": some pages poll (engines, imports) and never go quiet.
    await page.waitForLoadState("load");
    await page.locator("main h1").first().waitFor();
    const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
      const width = window.innerWidth;
      // The widest elements that stick out, to name in the failure.
      const culprits = [...document.querySelectorAll("body *")]
        .filter((el) => {
          const rect = el.getBoundingClientRect();
          return rect.right > width + 1 && rect.width > 0 && !el.closest("[data-scroll-x], .overflow-x-auto, .overflow-auto, .overflow-x-scroll");
        })
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")}`);
      return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
    });
    if (scrollWidth > innerWidth) {
      overflowing.push(`${href}: ${scrollWidth}px wide (${culprits.join(", ")})`);
      await page.screenshot({ path: `${SHOTS}/overflow${href.replace(/\//g, "-")}-390.png`, fullPage: true });
    }
  }
  expect(overflowing).toEqual([]);
});

test("the menu opens on a phone and reaches Capture", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Capture" }).click();
  await expect(page).toHaveURL(/\/capture$/);
  await expect(page.getByRole("heading", { name: "Capture a property" })).toBeVisible();
});
