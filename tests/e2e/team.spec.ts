import { expect, test } from "@playwright/test";
import { demo, signIn, uniqueEmail } from "./support";

test("the owner invites a VA, the VA joins and sees only what a VA may see, and the audit log shows it", async ({ page, browser }) => {
  const vaEmail = uniqueEmail("new-va");

  await signIn(page, demo.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  await expect(dialog.locator("#email-error")).toHaveText("Enter a valid email address");

  await dialog.getByLabel("Email").fill(vaEmail);
  await dialog.getByLabel("Role").selectOption("va");
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const link = await dialog.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("cell", { name: vaEmail, exact: true })).toBeVisible();

  // The invitee opens the link in their own browser.
  const vaContext = await browser.newContext();
  const vaPage = await vaContext.newPage();
  await vaPage.goto(link);
  await expect(vaPage.getByText("Join Maple & Main Investments")).toBeVisible();
  await vaPage.getByLabel("Your name").fill("Nina Newva");
  await vaPage.getByLabel("Choose a password").fill("short");
  await vaPage.getByRole("button", { name: "Join workspace" }).click();
  await expect(vaPage.locator("#password-error")).toContainText("at least 10");
  await vaPage.getByLabel("Choose a password").fill("a-strong-password-42");
  await vaPage.getByRole("button", { name: "Join workspace" }).click();
  await expect(vaPage).toHaveURL(/\/dashboard$/);
  await expect(vaPage.getByText("you are VA")).toBeVisible();

  const nav = vaPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  for (const hidden of ["Members", "Settings", "Audit log", "System status"]) {
    await expect(nav.getByRole("link", { name: hidden })).toHaveCount(0);
  }
  for (const path of ["/settings/members", "/settings", "/audit", "/system"]) {
    await vaPage.goto(path);
    await expect(vaPage.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }

  // The link works once.
  await vaPage.goto(link);
  await expect(vaPage.getByText("Invitation unavailable")).toBeVisible();
  await vaContext.close();

  // The owner sees the whole trail.
  await page.goto("/audit");
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "invitation.accepted" }).first()).toContainText(vaEmail);
  await expect(rows.filter({ hasText: "member.invited" }).first()).toContainText(demo.owner.email);
});

test("an owner changes a role and removes a member; both land in the audit log", async ({ page, browser }) => {
  await signIn(page, demo.owner);
  // A fresh member to act on, so the test does not depend on the others.
  const email = uniqueEmail("investor");
  // A name of its own, so a retry does not meet the member an earlier attempt left behind.
  const name = `Ivy ${email.split("@")[0].slice(-6)}`;
  const invited = await page.request.post("/api/tenant/invitations", { data: { email, role: "investor" } });
  expect(invited.status()).toBe(200);
  const { url } = await invited.json();
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(url);
  await invitee.getByLabel("Your name").fill(name);
  await invitee.getByLabel("Choose a password").fill("another-strong-pass-7");
  await invitee.getByRole("button", { name: "Join workspace" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await context.close();

  await page.goto("/settings/members");
  await page.getByLabel(`Role of ${name}`).selectOption("admin");
  await expect(page.getByText("Role updated")).toBeVisible();
  // The list re-renders with the new role before the next action on the row.
  await expect(page.getByLabel(`Role of ${name}`)).toHaveValue("admin");
  await expect(page.getByLabel(`Role of ${name}`)).toBeEnabled();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(page.getByText("Member removed")).toBeVisible();
  await expect(page.getByRole("cell", { name: email, exact: true })).toHaveCount(0);

  await page.goto(`/audit?actor=${encodeURIComponent(demo.owner.email)}`);
  await expect(page.getByTestId("audit-row").filter({ hasText: "member.removed" }).first()).toBeVisible();
  await expect(page.getByTestId("audit-row").filter({ hasText: "member.role_changed" }).first()).toBeVisible();
});

test("the audit log filters and exports CSV", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/audit");
  await page.getByLabel("Action").fill("tenant.created");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=tenant.created/);
  await expect(page.getByTestId("audit-row")).toHaveCount(1);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("time,actor,action,entity,entity_id,before,after,request_id,id");
  expect(lines.slice(1).every((line) => line.includes("tenant.created"))).toBe(true);
  expect(lines).toHaveLength(2);
});
