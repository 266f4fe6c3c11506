import { expect, test, type Locator, type Page } from "@playwright/test";
import { boardReady, dragTo, moveRight } from "./board-support";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shots = screenshotsTo("/tmp/shots-e");

const column = (page: Page, stage: string) => page.locator(`[data-testid="pursuit-column"][data-stage="${stage}"]`);
const cardOf = (page: Page, title: string) => page.getByTestId("pursuit-card").filter({ hasText: title });
const dollars = (text: string) => Number(text.replace(/[^\d.-]/g, ""));
const totalOf = async (page: Page) => dollars(await page.getByTestId("pursuits-weighted-total").innerText());

/** A column's p(win) and p(go) as its header shows them ("p(win) 10% · p(go) 50%"). */
async function probabilitiesOf(col: Locator): Promise<{ pWin: number; pGo: number }> {
  const text = await col.locator("header").innerText();
  const [, win, go] = /p\(win\) ([\d.]+)% · p\(go\) ([\d.]+)%/.exec(text)!;
  return { pWin: Number(win) / 100, pGo: Number(go) / 100 };
}


async function addPursuit(page: Page, title: string, value: string) {
  await page.getByRole("button", { name: "New pursuit" }).click();
  const dialog = page.getByRole("dialog", { name: "New pursuit" });
  await dialog.getByLabel("Value (USD)").fill(value);
  await dialog.getByRole("button", { name: "Add pursuit" }).click();
  await expect(dialog.getByText("Give the pursuit a title")).toBeVisible();
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByRole("button", { name: "Add pursuit" }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, "IDENTIFIED").getByTestId("pursuit-card").filter({ hasText: title })).toBeVisible();
}

test.describe("the Pursuits board", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, demo.owner);
  });

  test("shows the weighted pipeline per stage and in total, with the demo's won and lost bids", async ({ page }) => {
    await page.getByRole("link", { name: "Pursuits" }).first().click();
    await expect(page.getByRole("heading", { name: "Pursuits", level: 1 })).toBeVisible();
    const stages = ["IDENTIFIED", "QUALIFYING", "CAPTURE", "PROPOSAL", "SUBMITTED", "WON", "LOST", "NO_BID"];
    await expect(page.getByTestId("pursuit-column")).toHaveCount(stages.length);
    let sum = 0;
    for (const stage of stages) sum += dollars(await column(page, stage).getByTestId("pursuit-stage-weighted").locator("span.font-medium").innerText());
    expect(Math.abs((await totalOf(page)) - sum)).toBeLessThanOrEqual(stages.length); // each stage is shown rounded to the dollar
    await expect(column(page, "WON").getByTestId("pursuit-card").first()).toBeVisible();
    await expect(column(page, "LOST").getByTestId("pursuit-card").first()).toBeVisible();
    await expect(page.getByTestId("pursuit-deadline").filter({ hasText: /to deadline|Due within a day/ }).first()).toBeVisible();
    await expect(page.getByText(/^Owner: /).first()).toBeVisible();

    await expectNoAxeViolations(page, "board at 1440");
    await shots(page, "pursuits-board");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(column(page, "IDENTIFIED")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, "board at 390");
  });

  test("a pursuit moved by keyboard and by mouse stays after a reload, and the total follows the weighted rule", async ({ page }) => {
    await page.goto("/govcon/pursuits");
    const title = `Depot paving ${Date.now().toString(36)}`;
    const before = await totalOf(page);
    await addPursuit(page, title, "100000");
    const identified = await probabilitiesOf(column(page, "IDENTIFIED"));
    await expect.poll(() => totalOf(page)).toBeCloseTo(before + 100_000 * identified.pWin * identified.pGo, 0);

    // By keyboard: pick up by the grip, two columns right, drop.
    await boardReady(page);
    const afterAdd = await totalOf(page);
    await cardOf(page, title).getByRole("button", { name: `Move ${title}` }).focus();
    await page.keyboard.press("Space");
    await expect(page.locator('[id^="DndLiveRegion"]')).toContainText(`${title} is over Identified`);
    await moveRight(page, "Qualifying");
    await moveRight(page, "Capture");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("pursuits-feedback")).toContainText(`${title} moved to Capture`);
    const capture = await probabilitiesOf(column(page, "CAPTURE"));
    const expectedAfterMove = afterAdd + 100_000 * (capture.pWin * capture.pGo - identified.pWin * identified.pGo);
    await expect.poll(() => totalOf(page)).toBeCloseTo(expectedAfterMove, 0);
    await page.reload();
    await expect(column(page, "CAPTURE").getByTestId("pursuit-card").filter({ hasText: title })).toBeVisible();
    expect(await totalOf(page)).toBeCloseTo(expectedAfterMove, 0);

    // By mouse: dragged onto Proposal.
    await dragTo(page, cardOf(page, title).getByRole("button", { name: `Move ${title}` }), column(page, "PROPOSAL"));
    await expect(page.getByTestId("pursuits-feedback")).toContainText(`${title} moved to Proposal`);
    await page.reload();
    const card = column(page, "PROPOSAL").getByTestId("pursuit-card").filter({ hasText: title });
    await expect(card).toBeVisible();
    const proposal = await probabilitiesOf(column(page, "PROPOSAL"));
    await expect(card.getByTestId("pursuit-weighted")).toHaveText(`$${(100_000 * proposal.pWin * proposal.pGo).toLocaleString("en-US")}`);

    // Its own p(win) wins over the stage's; a probability over 1 is refused beside the field.
    await card.getByRole("button", { name: `Edit ${title}` }).click();
    const dialog = page.getByRole("dialog", { name: "Pursuit details" });
    await dialog.getByLabel("Own p(win), 0 to 1").fill("1.5");
    await dialog.getByRole("button", { name: "Save pursuit" }).click();
    await expect(dialog.getByText("p(win) is at most 1 (100%)")).toBeVisible();
    await expect(dialog.getByLabel("Own p(win), 0 to 1")).toBeFocused();
    await expectNoAxeViolations(page, "details dialog");
    await dialog.getByLabel("Own p(win), 0 to 1").fill("0.5");
    await dialog.getByLabel("Notes").fill("Bonding confirmed with the surety.");
    await dialog.getByRole("button", { name: "Save pursuit" }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId("pursuit-weighted")).toHaveText(`$${(100_000 * 0.5 * proposal.pGo).toLocaleString("en-US")}`);
    await expect(card).toContainText("Own p(win) 50%");
  });

  test("a manager edits a stage's probabilities, and a bad one is named beside its field", async ({ page }) => {
    await page.goto("/govcon/pursuits");
    const qualifying = column(page, "QUALIFYING");
    const original = await probabilitiesOf(qualifying);
    await page.getByRole("button", { name: "Stage probabilities" }).click();
    const dialog = page.getByRole("dialog", { name: "Stage probabilities" });
    await dialog.getByLabel("Won p(go)").fill("2");
    await dialog.getByRole("button", { name: "Save probabilities" }).click();
    await expect(dialog.getByText("p(go) is at most 1 (100%)")).toBeVisible();
    await expect(dialog.getByLabel("Won p(go)")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "probabilities dialog");
    await shots(page, "pursuits-probabilities", dialog);

    await dialog.getByLabel("Won p(go)").fill("1");
    await dialog.getByLabel("Qualifying p(win)").fill("0.35");
    await dialog.getByRole("button", { name: "Save probabilities" }).click();
    await expect(dialog).toBeHidden();
    await expect(qualifying.locator("header")).toContainText("p(win) 35%");

    // Back to what it was, so the board reads as before for whoever looks next.
    await page.getByRole("button", { name: "Stage probabilities" }).click();
    await dialog.getByLabel("Qualifying p(win)").fill(String(original.pWin));
    await dialog.getByRole("button", { name: "Save probabilities" }).click();
    await expect(dialog).toBeHidden();
    await expect(qualifying.locator("header")).toContainText(`p(win) ${Math.round(original.pWin * 100)}%`);
  });
});
