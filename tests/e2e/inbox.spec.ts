import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

test("a VA works a due call from the inbox and the SLA figures move", async ({ page }) => {
  await signIn(page, demo.va);
  await page.getByRole("link", { name: "Inbox", exact: true }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();

  // The VA sees their own due calls by default, oldest first.
  await expect(page.getByLabel("Owner")).toHaveValue("me");
  const tasks = page.getByRole("list", { name: "Due tasks" }).getByRole("listitem");
  await expect(tasks.first()).toBeVisible();
  const dueBefore = await tasks.count();
  const sla = async () => `${await page.getByTestId("sla-30m").textContent()} / ${await page.getByTestId("sla-2h").textContent()}`;
  const slaBefore = await sla();

  // The newest due call (hot areas' calls come first, so not necessarily the last in the list).
  // Outside the leads' calling hours even the newest may have fallen due hours ago.
  const dueTimes = await tasks.evaluateAll((items) => items.map((item) => item.getAttribute("data-due-at") ?? ""));
  const newest = dueTimes.reduce((latest, at) => (at > latest ? at : latest), "");
  await page.locator(`li[data-due-at="${newest}"]`).first().getByRole("link").click();
  await expect(page).toHaveURL(/task=/);
  const detail = page.getByRole("region", { name: "Task detail" }).or(page.getByLabel("Task detail"));
  // Inside the lead's calling hours the number is a call button; outside them the inbox says when
  // they open instead, and logging the call needs the VA's confirmation.
  const outsideHours = detail.getByText(/^Outside calling hours until /);
  const callButton = detail.getByRole("button", { name: /^Call \+1/ });
  await expect(callButton.or(outsideHours)).toBeVisible();
  const inside = (await outsideHours.count()) === 0;
  if (!inside) await expect(callButton).toHaveCount(0);

  // Closing without an outcome is refused beside the field.
  await detail.getByRole("button", { name: "Complete task" }).click();
  await expect(detail.getByText("Choose an outcome")).toBeVisible();

  await detail.getByLabel("Outcome").selectOption("left_voicemail");
  await detail.getByLabel("Notes").fill("Voicemail left, will call back tomorrow");
  if (!inside) await detail.getByRole("checkbox", { name: /I made this call outside the lead's calling hours/ }).click();
  await detail.getByRole("button", { name: "Complete task" }).click();
  await expect(page.getByText("Task completed")).toBeVisible();

  await expect(tasks).toHaveCount(dueBefore - 1);
  // A call answered within 2 hours of falling due moves the shares; one already missed both limits cannot.
  const minutesSinceDue = (Date.now() - Date.parse(newest)) / 60_000;
  if (inside && minutesSinceDue < 115) await expect.poll(sla).not.toBe(slaBefore);
  await expect(detail.getByText(/Closed \(done\): Left voicemail/)).toBeVisible();

  // A market filter lives in the URL.
  const market = page.getByLabel("Market");
  const firstMarket = await market.locator("option").nth(1).getAttribute("value");
  if (firstMarket) {
    await market.selectOption(firstMarket);
    await expect(page).toHaveURL(new RegExp(`market=${encodeURIComponent(firstMarket).replace(/%20/g, "(\\+|%20)")}`));
  }
});

test("a viewer has no inbox", async ({ page }) => {
  await signIn(page, demo.viewer);
  await expect(page.getByRole("link", { name: "Inbox" })).toHaveCount(0);
});
