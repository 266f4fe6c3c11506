import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, signIn, uniqueEmail } from "./support";

const SHOTS = "/tmp/shots-f";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FIRST_PASSWORD = "first-viewer-pass-31";
const NEW_PASSWORD = "second-viewer-pass-47";

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), label).toEqual([]);
}

/** A viewer of the demo workspace, joined by invitation, so the demo logins keep their password. */
async function joinAsViewer(owner: Page, browser: Browser, email: string) {
  const invited = await owner.request.post("/api/tenant/invitations", { data: { email, role: "viewer" } });
  expect(invited.ok()).toBe(true);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto((await invited.json()).url);
  await page.getByLabel("Your name").fill("Paula Passwords");
  await page.getByLabel("Choose a password").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Join workspace" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

test("a viewer changes their password: every session ends, the old cookie is refused, the new password signs in, the audit log shows it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.owner);
  const email = uniqueEmail("password-change");
  const viewer = await joinAsViewer(page, browser, email);

  // From the user menu, by keyboard.
  await viewer.getByRole("button", { name: "Account menu" }).focus();
  await viewer.keyboard.press("Enter");
  await expect(viewer.getByRole("menuitem", { name: "Your account" })).toBeVisible();
  await viewer.getByRole("menuitem", { name: "Your account" }).focus();
  await viewer.keyboard.press("Enter");
  await expect(viewer).toHaveURL(/\/account$/);
  await expect(viewer.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(viewer.getByText(email)).toBeVisible();
  for (const width of [1440, 390]) {
    await viewer.setViewportSize({ width, height: 900 });
    await expectNoViolations(viewer, `account at ${width}px`);
    await viewer.screenshot({ path: `${SHOTS}/account-${width}.png`, fullPage: true });
  }

  // Mistakes are named next to their field; the fields not in error keep what was typed.
  const current = viewer.getByLabel("Current password");
  const next = viewer.getByLabel(/^New password/);
  const confirm = viewer.getByLabel("Confirm new password");
  await current.fill("not-my-password-at-all");
  await next.fill(NEW_PASSWORD);
  await confirm.fill(NEW_PASSWORD);
  await confirm.press("Enter");
  await expect(viewer.getByText("The current password is incorrect.")).toBeVisible();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(current).toBeFocused();
  await expect(current).toHaveValue("");
  await expect(next).toHaveValue(NEW_PASSWORD);

  await current.fill(FIRST_PASSWORD);
  await confirm.fill("a-different-confirmation");
  await confirm.press("Enter");
  await expect(viewer.getByText("The two new passwords do not match")).toBeVisible();
  await expect(confirm).toBeFocused();
  await expect(current).toHaveValue(FIRST_PASSWORD);
  await expectNoViolations(viewer, "account with errors at 390px");
  await viewer.screenshot({ path: `${SHOTS}/account-errors-390.png`, fullPage: true });

  // The change ends every session, this one included, and says so on the sign-in page.
  const oldCookies = (await viewer.context().cookies()).filter((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(oldCookies.length).toBeGreaterThan(0);
  await confirm.fill(NEW_PASSWORD);
  await viewer.getByRole("button", { name: "Change password" }).click();
  await expect(viewer).toHaveURL(/\/login\?notice=password-changed$/);
  await expect(viewer.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();
  for (const width of [1440, 390]) {
    await viewer.setViewportSize({ width, height: 900 });
    await expectNoViolations(viewer, `sign-in notice at ${width}px`);
    await viewer.screenshot({ path: `${SHOTS}/login-password-changed-${width}.png`, fullPage: true });
  }

  // A copy of the cookie from before the change is refused.
  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/login/);
  expect((await replay.request.get("/api/tenant/members")).status()).toBe(401);
  await replay.close();

  // The old password no longer works; the new one does.
  await viewer.getByLabel("Email").fill(email);
  await viewer.getByLabel("Password").fill(FIRST_PASSWORD);
  await viewer.getByRole("button", { name: "Sign in" }).click();
  await expect(viewer.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
  await signIn(viewer, { email }, NEW_PASSWORD);
  await viewer.context().close();

  // The owner sees the change in the audit log, without any secret.
  await page.goto("/audit?action=user.password_changed");
  const row = page.getByTestId("audit-row").filter({ hasText: email });
  await expect(row.first()).toBeVisible();
  const logged = await page.getByTestId("audit-row").allTextContents();
  expect(logged.join(" ")).not.toContain(NEW_PASSWORD);
  expect(logged.join(" ")).not.toContain(FIRST_PASSWORD);
});
