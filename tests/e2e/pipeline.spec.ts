import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { boardReady, dragTo, moveRight } from "./board-support";
import { demo, signIn } from "./support";

const SHOTS = "/tmp/shots-c";

const column = (page: Page, status: string) => page.locator(`[data-testid="pipeline-column"][data-status="${status}"]`);
const countOf = async (col: Locator) => Number((await col.getByTestId("pipeline-count").innerText()).replace(/\D/g, ""));


test.describe("the pipeline board", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, demo.owner);
  });

  test("a card dragged with the mouse moves the deal to that status", async ({ page }) => {
    await page.getByRole("link", { name: "Pipeline" }).first().click();
    await expect(page.getByRole("heading", { name: "Pipeline", level: 1 })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/pipeline-1440.png`, fullPage: true });
    const fromColumn = column(page, "NEW");
    const toColumn = column(page, "CONTACTED");
    const [before, targetBefore] = [await countOf(fromColumn), await countOf(toColumn)];
    expect(before).toBeGreaterThan(0);
    const card = fromColumn.getByTestId("pipeline-card").first();
    const dealId = await card.getAttribute("data-deal-id");
    const street = await card.getByRole("link").first().innerText();

    await dragTo(page, card.getByRole("button", { name: /^Move / }), toColumn);
    await expect(page.getByTestId("pipeline-feedback")).toContainText("moved to Contacted");
    await expect.poll(() => countOf(fromColumn)).toBe(before - 1);
    await expect.poll(() => countOf(toColumn)).toBe(targetBefore + 1);

    // The status is stored: the board searched for the deal shows it in its new column.
    await page.goto(`/pipeline?q=${encodeURIComponent(street)}`);
    await expect(toColumn.locator(`[data-deal-id="${dealId}"]`)).toBeVisible();
  });

  test("a card moved with the keyboard changes status, and a move the pipeline forbids springs back", async ({ page }) => {
    await page.goto("/pipeline");
    const fromColumn = column(page, "NEW");
    const toColumn = column(page, "UNDERWRITTEN");
    const [before, targetBefore] = [await countOf(fromColumn), await countOf(toColumn)];
    const card = fromColumn.getByTestId("pipeline-card").first();
    const dealId = await card.getAttribute("data-deal-id");
    const street = await card.getByRole("link").first().innerText();
    const handle = card.getByRole("button", { name: /^Move / });

    await boardReady(page);
    await handle.focus();
    await page.keyboard.press("Space");
    const liveRegion = page.locator('[id^="DndLiveRegion"]');
    await expect(liveRegion).toContainText("is over New");
    await moveRight(page, "Underwritten");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("pipeline-feedback")).toContainText("moved to Underwritten");
    await expect.poll(() => countOf(fromColumn)).toBe(before - 1);
    await expect.poll(() => countOf(toColumn)).toBe(targetBefore + 1);
    // The status is stored: the board searched for the deal shows it in its new column.
    await page.goto(`/pipeline?q=${encodeURIComponent(street)}`);
    await expect(toColumn.locator(`[data-deal-id="${dealId}"]`)).toBeVisible();

    // Underwritten cannot jump to Closed: the card stays and the reason is shown.
    const closedBefore = await countOf(column(page, "CLOSED"));
    const moved = toColumn.locator(`[data-deal-id="${dealId}"]`);
    await dragTo(page, moved.getByRole("button", { name: /^Move / }), column(page, "CLOSED"));
    await expect(page.getByTestId("pipeline-feedback")).toContainText("cannot move from Underwritten to Closed");
    await expect(moved).toBeVisible();
    expect(await countOf(column(page, "CLOSED"))).toBe(closedBefore);

    // Dead asks why first.
    const deadBefore = await countOf(column(page, "DEAD"));
    await moved.getByRole("button", { name: /^Move / }).focus();
    await page.keyboard.press("Space");
    await expect(liveRegion).toContainText("is over Underwritten");
    for (const over of ["Contacted", "Negotiating", "Under contract", "Closed", "Dead"]) await moveRight(page, over);
    await page.keyboard.press("Space");
    const dialog = page.getByRole("dialog", { name: "Why is this deal dead?" });
    await dialog.getByRole("button", { name: "Mark as dead" }).click();
    await expect(dialog.getByText("Say why the deal is dead.")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Seller sold to another buyer");
    await dialog.getByRole("button", { name: "Mark as dead" }).click();
    await expect.poll(() => countOf(column(page, "DEAD"))).toBe(deadBefore + 1);
  });

  test("the board at 390 px scrolls its columns inside itself", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/pipeline");
    await expect(column(page, "NEW")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/pipeline-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("prospects bulk actions", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, demo.owner);
  });

  test("the table fits 1440 px, shows owner and phone, and keeps hidden columns hidden", async ({ page }) => {
    await page.goto("/deals");
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Owner" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Phone" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/prospects-1440.png`, fullPage: true });
    // The table's own scroll box, its parent element.
    const overflow = await table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);

    await page.goto("/deals?cols=market,source");
    await expect(table.getByRole("columnheader", { name: "Market" })).toHaveCount(0);
    await expect(table.getByRole("columnheader", { name: "Source" })).toHaveCount(0);
    await page.getByRole("checkbox", { name: "Select every deal on this page" }).check();
    await expect(page.getByTestId("bulk-actions")).toContainText("25 selected");
    await expect(table.getByRole("columnheader", { name: "Market" })).toHaveCount(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/deals");
    await page.screenshot({ path: `${SHOTS}/prospects-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("bulk-assigning an owner to selected prospects", async ({ page }) => {
    await page.goto("/deals");
    const rows = page.getByTestId("prospect-row");
    const streets = [await rows.nth(0).getByRole("link").first().innerText(), await rows.nth(1).getByRole("link").first().innerText()];
    // A member who owns neither deal yet, so both change.
    const texts = [await rows.nth(0).innerText(), await rows.nth(1).innerText()];
    const target = [demo.va.name, demo.admin.name, demo.owner.name].find((name) => texts.every((text) => !text.includes(name)))!;
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await expect(page.getByTestId("bulk-actions")).toContainText("2 selected");
    await page.getByRole("button", { name: "Assign owner" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign owner" });
    await dialog.getByLabel("Owner").selectOption({ label: target });
    await dialog.getByRole("button", { name: "Apply to 2" }).click();
    await expect(page.getByTestId("bulk-report")).toContainText("Owner assigned for 2 deals.");
    await page.screenshot({ path: `${SHOTS}/prospects-bulk-1440.png` });

    // Both deals now belong to that member: the owner filter finds them, with the name in the Owner column.
    const ownerId = await page.locator("#filter-owner option", { hasText: target }).getAttribute("value");
    await page.goto(`/deals?owner=${ownerId}`);
    for (const street of streets) await expect(page.getByTestId("prospect-row").filter({ hasText: street }).getByText(target)).toBeVisible();

    // Assigning again refuses both and says why.
    await page.getByRole("checkbox", { name: `Select ${streets[0]}` }).check();
    await page.getByRole("button", { name: "Assign owner" }).click();
    await dialog.getByLabel("Owner").selectOption({ label: target });
    await dialog.getByRole("button", { name: "Apply to 1" }).click();
    await expect(page.getByTestId("bulk-report")).toContainText("Owner assigned for 0 deals; 1 refused.");
    await expect(page.getByTestId("bulk-report")).toContainText(`${streets[0]}: Already owned by this member`);
  });

  test("exporting the selection as CSV", async ({ page }) => {
    await page.goto("/deals");
    const rows = page.getByTestId("prospect-row");
    for (const i of [0, 1, 2]) await rows.nth(i).getByRole("checkbox").check();
    const downloadStarted = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(/^deals-.+\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(lines[0].split(",").slice(0, 3)).toEqual(["id", "street", "unit"]);
    expect(lines).toHaveLength(4);
  });
});
