import { expect, type Locator, type Page } from "@playwright/test";

/** A board answers drags once it is hydrated: dnd-kit mounts its live region then. */
export const boardReady = (page: Page) => page.locator('[id^="DndLiveRegion"]').waitFor({ state: "attached" });

/**
 * One column to the right with the keyboard, once the board announced it. The sensor starts
 * listening for arrows a tick after the pick-up, so an arrow pressed in that tick is pressed again.
 */
export async function moveRight(page: Page, column: string) {
  const liveRegion = page.locator('[id^="DndLiveRegion"]');
  await expect(async () => {
    if (!(await liveRegion.textContent())?.includes(`is over ${column}`)) await page.keyboard.press("ArrowRight");
    await expect(liveRegion).toContainText(`is over ${column}`, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Drags with real pointer events, in small steps, as a person does. */
export async function dragTo(page: Page, handle: Locator, target: Locator) {
  await boardReady(page);
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  await page.mouse.up();
}
