import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn, screenshotsTo, AXE_TAGS, openFirstDueTask } from "./support";

/** Per weekday (0 = Monday), [start, end] or null for closed. */
type Week = ([string, string] | null)[];
const DEFAULT_WEEK: Week = [...Array.from({ length: 5 }, () => ["09:00", "20:00"] as [string, string]), ["10:00", "18:00"], null];

async function setWeek(page: Page, region: string, week: Week, reason: string) {
  await page.goto("/policies");
  await page.getByRole("tab", { name: "Contact rules" }).click();
  await page.getByRole("button", { name: new RegExp(`^Edit contact rules .*\\(${region}\\)$`) }).click();
  const dialog = page.getByRole("dialog");
  for (const [day, hours] of week.entries()) {
    const box = dialog.locator(`#day${day}Open`);
    if (((await box.getAttribute("data-state")) === "checked") !== (hours !== null)) await box.click();
    if (hours) {
      await dialog.locator(`#day${day}Start`).fill(hours[0]);
      await dialog.locator(`#day${day}End`).fill(hours[1]);
    }
  }
  await dialog.getByLabel("Reason for the change").fill(reason);
  await dialog.getByRole("button", { name: "Save contact rules" }).click();
  await expect(dialog).toBeHidden();
}

const shoot = screenshotsTo("/tmp/shots-d");

test("a call outside the lead's calling hours shows when they open instead of the link, and is logged only when confirmed", async ({ page }) => {
  await signIn(page, demo.admin);
  const { taskUrl, detail, region } = await openFirstDueTask(page);

  // The lead's region opens for calls on one weekday only, three days from today: closed now whatever
  // the hour, and the next opening is that day at 09:00 in the lead's zone.
  const openDay = (new Date().getUTCDay() + 6 + 3) % 7;
  await setWeek(page, region, Array.from({ length: 7 }, (_, day) => (day === openDay ? ["09:00", "20:00"] : null)), "Calling-hours check");
  try {
    await page.goto(taskUrl);
    await expect(detail.getByText(/^Outside calling hours until 9:00 AM on \w{3}, \w{3} \d{1,2} \(lead's time\)$/)).toBeVisible();
    await expect(detail.locator('a[href^="tel:"]')).toHaveCount(0);
    await shoot(page, "inbox-outside-hours");
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // Logging the call without the confirmation is refused beside the checkbox.
    await detail.getByLabel("Outcome").selectOption("no_answer");
    await detail.getByRole("button", { name: "Complete task" }).click();
    await expect(detail.getByRole("alert").filter({ hasText: /outside the lead's calling hours.*Confirm/ })).toBeVisible();
    await shoot(page, "inbox-outside-hours-refused", detail);

    // Confirmed, it is logged.
    await detail.getByRole("checkbox", { name: /I made this call outside the lead's calling hours/ }).click();
    await detail.getByRole("button", { name: "Complete task" }).click();
    await expect(page.getByText("Task completed")).toBeVisible();
    await expect(detail.getByText(/Closed \(done\): No answer/)).toBeVisible();
  } finally {
    await setWeek(page, region, DEFAULT_WEEK, "Back to the default week");
  }
});

test("the ladder editor takes delays as 30m, 3h, 1d and the policy form the touch cap", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/settings/ladder");
  await expect(page.getByLabel("Delay after start").nth(1)).toHaveValue("30m");
  await expect(page.getByLabel("Delay after start").nth(3)).toHaveValue("1d");
  await page.getByLabel("Delay after start").nth(1).fill("soon");
  await page.getByLabel("Reason for the change").fill("Delay check");
  await page.getByRole("button", { name: "Save ladder" }).click();
  await expect(page.getByText("Use a delay like 30m, 3h, 1d or 1d 12h")).toBeVisible();
  await shoot(page, "ladder-editor");

  await page.goto("/policies");
  await page.getByRole("tab", { name: "Contact rules" }).click();
  await page.getByRole("button", { name: /^Edit contact rules Florida \(FL\)$/ }).click();
  await expect(page.getByRole("dialog").getByLabel("Most touches per lead in 24 hours")).toHaveValue("3");
  await shoot(page, "policy-dialog-florida", page.getByRole("dialog"));
});
