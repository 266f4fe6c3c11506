import { expect, test, type Page } from "@playwright/test";
import { demo, openRegionAroundTheClock, openScoredLeadWithPhone, signIn } from "./support";

async function sendSms(page: Page, body: string) {
  const form = page.getByRole("form", { name: "Send message" });
  await form.getByLabel("Channel").selectOption("SMS");
  await form.getByLabel("Message").fill(body);
  await form.getByRole("button", { name: "Send" }).click();
  return form.getByTestId("send-result");
}

test("send by hand, see it in the outbox, a reply lands on the timeline, STOP opts the lead out", async ({ page }) => {
  await signIn(page, demo.owner);

  const { dealPath, phone } = await openScoredLeadWithPhone(page);
  const region = (await page.getByTestId("field-region").locator("dd").first().innerText()).trim();
  expect(region).toMatch(/^[A-Z]{2}$/);

  await openRegionAroundTheClock(page, region, "Outbox end-to-end test: open around the clock");

  // Consent on record for this number, entered by hand on the compliance page.
  await page.goto("/settings/compliance");
  const consentForm = page.getByRole("form", { name: "Record consent" });
  await consentForm.getByLabel("Channel").selectOption("SMS");
  await consentForm.getByLabel("Phone or email").fill(phone);
  await consentForm.getByLabel("Consent").selectOption("OPTED_IN");
  await consentForm.getByLabel("Reason").fill("Signed the seller form (e2e)");
  await consentForm.getByRole("button", { name: "Record" }).click();
  await expect(page.getByTestId("consent-row").filter({ hasText: phone })).toContainText("opted in");

  // Send by hand from the deal page.
  const body = `Hi, are you still selling? (e2e ${Date.now().toString(36)})`;
  await page.goto(dealPath);
  await expect(await sendSms(page, body)).toContainText("Sent through outbox");
  await expect(page.getByTestId("timeline-message").filter({ hasText: body })).toHaveAttribute("data-direction", "OUTBOUND");

  // It is in the outbox; a simulated reply lands on the lead's timeline.
  await page.goto("/outbox");
  const sentRow = page.getByTestId("message-row").filter({ hasText: body });
  await expect(sentRow).toHaveAttribute("data-status", "SENT");
  await expect(sentRow.getByRole("link")).toHaveAttribute("href", dealPath);
  await sentRow.getByRole("button", { name: "Simulate delivered" }).click();
  await expect(sentRow).toHaveAttribute("data-status", "DELIVERED");

  await sentRow.getByRole("button", { name: "Simulate reply" }).click();
  await page.getByRole("dialog").getByLabel("Reply").fill("Yes, call me after 5");
  await page.getByRole("dialog").getByRole("button", { name: "Receive reply" }).click();
  await expect(page.getByTestId("message-row").filter({ hasText: "Yes, call me after 5" })).toHaveAttribute("data-status", "RECEIVED");
  await page.goto(dealPath);
  await expect(page.getByTestId("timeline-message").filter({ hasText: "Yes, call me after 5" })).toHaveAttribute("data-direction", "INBOUND");

  // STOP: opted out at once, one confirmation sent, and the next send is blocked with its reason.
  await page.goto("/outbox");
  await page.getByTestId("message-row").filter({ hasText: body }).getByRole("button", { name: "Simulate reply" }).click();
  await page.getByRole("dialog").getByLabel("Reply").fill("STOP");
  await page.getByRole("dialog").getByRole("button", { name: "Receive reply" }).click();
  await expect(page.getByText(`STOP: ${phone} is opted out; confirmation sent`)).toBeVisible();
  await expect(page.getByTestId("message-row").filter({ hasText: "you are unsubscribed" }).first()).toHaveAttribute("data-direction", "OUTBOUND");

  await page.goto(dealPath);
  const result = await sendSms(page, "One more offer?");
  await expect(result).toContainText("Blocked: Opted out");
  await expect(page.getByTestId("timeline-message").filter({ hasText: "STOP" })).toHaveAttribute("data-direction", "INBOUND");

  await page.goto("/settings/compliance");
  await expect(page.getByTestId("consent-row").filter({ hasText: phone })).toContainText("keyword:STOP");
  await page.goto("/outbox?status=BLOCKED");
  await expect(page.getByTestId("message-row").filter({ hasText: "One more offer?" }).getByTestId("blocked-reason")).toHaveText("Opted out");
});
