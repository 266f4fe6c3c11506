import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, openRegionAroundTheClock, screenshotsTo, signIn } from "./support";

const shots = screenshotsTo("/tmp/shots-a");
const threadRows = (page: Page) => page.getByRole("list", { name: "Threads" }).getByTestId("conversation-row");

test("read a lead's email reply, answer it, and see the gate refuse a text once the lead says STOP", async ({ page }) => {
  // A long story (policies, consent, three sends, a simulated reply) on a shared machine.
  test.setTimeout(180_000);
  await signIn(page, demo.owner);
  await page.goto("/conversations");
  await expect(page.getByRole("heading", { name: "Conversations", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Choose a thread" })).toBeVisible();
  await expectNoAxeViolations(page, "conversations list");
  await shots(page, "conversations-list");

  // Unread email threads, by the filters (kept in the URL).
  await page.getByLabel("Channel").selectOption("EMAIL");
  await page.getByLabel("Unread only").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/channel=EMAIL/);
  await expect(page).toHaveURL(/unread=1/);
  // One whose last word is the lead's email (an unread thread may also end with our email after a text reply).
  const unreadEmail = threadRows(page).filter({ has: page.getByTestId("unread-count") }).filter({ hasText: "Email in:" }).first();
  await expect(unreadEmail).toBeVisible();
  const threadKey = await unreadEmail.getAttribute("data-thread");
  expect(threadKey).toMatch(/^deal:/);
  const threadPath = `/conversations?thread=${encodeURIComponent(threadKey!)}`;

  // Opened by keyboard: the thread shows the lead's email, and the thread is read now.
  await unreadEmail.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`thread=${encodeURIComponent(threadKey!)}`));
  await expect(page.locator('[data-testid="thread-item"][data-direction="INBOUND"][data-channel="EMAIL"]').first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Reply" }).getByLabel("Reply by")).toHaveValue("EMAIL");
  await expect(page.getByRole("form", { name: "Reply" }).getByLabel("Subject")).toHaveValue(/^Re: /);
  await expectNoAxeViolations(page, "an open thread");
  await shots(page, "conversations-thread");
  await page.goto(threadPath);
  await expect(page.locator(`[data-testid="conversation-row"][data-thread="${threadKey}"]`).getByTestId("unread-count")).toHaveCount(0);

  // The lead's region open around the clock for email and text, so the hour does not matter.
  await page.getByRole("link", { name: "Open the deal" }).click();
  const region = (await page.getByTestId("field-region").locator("dd").first().innerText()).trim();
  const phone = (await page.getByTestId("field-contactPhone").locator("dd").first().innerText()).trim();
  const email = (await page.getByTestId("field-contactEmail").locator("dd").first().innerText()).trim();
  await openRegionAroundTheClock(page, region, "Conversations end-to-end test: email around the clock", "Email");
  await openRegionAroundTheClock(page, region, "Conversations end-to-end test: texts around the clock");
  // The lead's consent on both channels, as the seller's signed form would have it (a campaign's lead may have none).
  for (const [channel, address] of [["EMAIL", email], ["SMS", phone]] as const) {
    await page.goto("/settings/compliance");
    const consentForm = page.getByRole("form", { name: "Record consent" });
    await consentForm.getByLabel("Channel").selectOption(channel);
    await consentForm.getByLabel("Phone or email").fill(address);
    await consentForm.getByLabel("Consent").selectOption("OPTED_IN");
    await consentForm.getByLabel("Reason").fill("Signed the seller form (e2e)");
    await consentForm.getByRole("button", { name: "Record" }).click();
    await expect(page.getByTestId("consent-row").filter({ hasText: address })).toContainText("opted in");
  }

  // Answer by email, then by text: both leave, and both are in the thread.
  await page.goto(threadPath);
  const stamp = Date.now().toString(36);
  const emailAnswer = `Happy to make an offer as-is. (e2e ${stamp})`;
  let reply = page.getByRole("form", { name: "Reply" });
  await reply.getByLabel("Your reply").fill(emailAnswer);
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByTestId("reply-result")).toContainText("Sent through outbox");
  await expect(page.getByTestId("thread-item").filter({ hasText: emailAnswer })).toHaveAttribute("data-channel", "EMAIL");
  const textAnswer = `Can I call you tonight? (e2e ${stamp})`;
  await reply.getByLabel("Reply by").selectOption("SMS");
  await reply.getByLabel("Your reply").fill(textAnswer);
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByTestId("reply-result")).toContainText("Sent through outbox");

  // The lead texts STOP back (simulated in the Outbox, as the local provider allows).
  await page.goto("/outbox");
  const sentRow = page.getByTestId("message-row").filter({ hasText: textAnswer });
  await sentRow.getByRole("button", { name: "Simulate reply" }).click();
  await page.getByRole("dialog").getByLabel("Reply").fill("STOP");
  await page.getByRole("dialog").getByRole("button", { name: "Receive reply" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  // Back in the thread: the STOP is there, unread until opened; a text is now refused by the consent gate, inline.
  await page.goto("/conversations");
  await expect(page.locator(`[data-testid="conversation-row"][data-thread="${threadKey}"]`).getByTestId("unread-count")).toBeVisible();
  await page.goto(threadPath);
  await expect(page.locator('[data-testid="thread-item"][data-direction="INBOUND"][data-channel="SMS"]').filter({ hasText: "STOP" })).toBeVisible();
  reply = page.getByRole("form", { name: "Reply" });
  await expect(reply.getByLabel("Reply by")).toHaveValue("SMS");
  await reply.getByLabel("Your reply").fill("Sorry to bother you, one last question?");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByTestId("reply-result")).toContainText("Blocked: Opted out");
  await expect(page.getByTestId("thread-gate").last()).toHaveText("Not sent: Opted out");
  await shots(page, "conversations-refused");
});

test("on a phone the list comes first, then the thread alone with a way back", async ({ page }) => {
  await signIn(page, demo.va);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/conversations");
  await expect(threadRows(page).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Choose a thread" })).toBeHidden();
  await threadRows(page).first().getByRole("link").click();
  await expect(page.getByRole("link", { name: "All conversations" })).toBeVisible();
  await expect(threadRows(page).first()).toBeHidden();
  await expect(page.getByRole("form", { name: "Reply" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, "a thread at 390 px");
  await page.getByRole("link", { name: "All conversations" }).click();
  await expect(threadRows(page).first()).toBeVisible();
});
