import { expect, test, type Page } from "@playwright/test";
import { createEmailableLead, demo, draftForLead, expectNoAxeViolations, openRegionAroundTheClock, rotateWebhookSecret, signIn } from "./support";

const SHOTS = "/tmp/shots-c";

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a high-intent lead's draft is edited, approved and sent; another is rejected with a reason", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, demo.owner);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openRegionAroundTheClock(page, "TN", "Approvals test: email any time", "Email");
  const secret = await rotateWebhookSecret(page);
  const suffix = `${Date.now().toString(36)}`;

  // A signal arrives and a draft appears: the deal's intent panel shows the score and links to it.
  const street = `${Math.floor(Math.random() * 9000) + 1000} Approval Ln`;
  const dealPath = await createEmailableLead(page, street, `jordan-${suffix}@example.com`);
  const draftPath = await draftForLead(page, dealPath, secret);
  const panel = page.getByTestId("intent-panel");
  await expect(panel.getByTestId("intent-score")).toHaveText("72");
  await expect(panel.getByTestId("intent-signal")).toHaveCount(3);
  await expect(panel.getByTestId("intent-signal").filter({ hasText: "SMS reply" })).toHaveText(/^SMS reply, just now:\s*\+30$/);
  await panel.screenshot({ path: `${SHOTS}/intent-panel.png` });

  // The queue lists it, pending first.
  await page.goto("/approvals");
  await expect(page.getByRole("link", { name: "Jordan Rivers" }).first()).toBeVisible();
  await shoot(page, "approvals-queue");
  await expectNoAxeViolations(page, "approvals queue");

  // The draft, side by side with the context; the subject is required, shown next to the field.
  await page.goto(draftPath);
  await expect(page.getByRole("heading", { level: 1, name: "Email to Jordan Rivers" })).toBeVisible();
  await expect(page.getByTestId("draft-consent")).toContainText("Agreed to email");
  await expect(page.getByTestId("draft-confidence")).toContainText(/\d+% \((high|fair|low) confidence\)/);
  await expect(page.getByTestId("preview-body")).not.toContainText("{{unsubscribe_link}}");
  await shoot(page, "approval-draft");
  await expectNoAxeViolations(page, "draft page");
  await page.getByRole("button", { name: "Edit" }).click();
  await expect(page.getByText("{{postal_address}}").first()).toBeVisible();
  await page.getByLabel("Subject").fill("");
  await page.getByRole("button", { name: "Approve edited" }).click();
  await expect(page.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Write the subject")).toBeVisible();
  await shoot(page, "approval-edit-error");
  const subject = `About ${street}, ${suffix}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByRole("button", { name: "Approve edited" }).click();
  await expect(page.getByTestId("draft-outcome")).toContainText("Approved and sent");
  await expect(page.getByTestId("draft-history")).toContainText(demo.owner.email);
  await shoot(page, "approval-sent");

  // It is in the Outbox and on the deal's timeline.
  await page.getByTestId("draft-outcome").getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByText(subject).first()).toBeVisible();
  await page.goto(dealPath);
  await expect(page.getByText(`Subject: ${subject}`).first()).toBeVisible();

  // Another lead's draft is rejected: the reason is required and shown next to the field.
  const otherStreet = `${Math.floor(Math.random() * 9000) + 1000} Rejection Rd`;
  const otherDeal = await createEmailableLead(page, otherStreet, `casey-${suffix}@example.com`);
  const otherDraft = await draftForLead(page, otherDeal, secret);
  await page.goto(otherDraft);
  await page.getByRole("button", { name: "Reject" }).click();
  await page.getByRole("button", { name: "Reject draft" }).click();
  await expect(page.getByLabel("Why reject it?")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Say why (at least 3 characters)")).toBeVisible();
  await page.getByLabel("Why reject it?").fill("The seller asked us to call instead");
  await page.getByRole("button", { name: "Reject draft" }).click();
  await expect(page.getByTestId("draft-outcome")).toContainText("Rejected");
  await expect(page.getByTestId("draft-outcome")).toContainText("The seller asked us to call instead");
  await page.goto("/approvals?status=REJECTED");
  await expect(page.getByRole("link", { name: "Jordan Rivers" }).first()).toBeVisible();
  await expect(page.getByTestId("count-REJECTED")).not.toHaveText("0");
});

test("an investor reads the queue and a draft but cannot decide", async ({ page }) => {
  await signIn(page, { email: "investor@demo.dealflow.app" });
  await page.goto("/approvals?status=all");
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(page.getByText("Your role can read drafts but not approve or reject them.")).toBeVisible();
  // The test above left a sent and a rejected draft.
  await page.locator('main a[href^="/approvals/"]').first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Email to / })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and send" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reject" })).toHaveCount(0);
});
