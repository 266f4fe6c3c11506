import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demo.owner.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("an invalid email is flagged beside the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
});

test("signed-out visitors are sent to the sign-in page", async ({ page }) => {
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/login/);
});

test("the owner signs in, sees the dashboard, and signs out", async ({ page }) => {
  await signIn(page, demo.owner);
  await expect(page.getByRole("heading", { name: /Welcome back, Olivia/ })).toBeVisible();
  for (const link of ["Dashboard", "Audit log", "Members", "Settings", "System status"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true })).toBeVisible();
  }
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("the owner switches to another workspace", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("menuitem", { name: /Northern Lights Homes/ }).click();
  await expect(page.getByText(/Northern Lights Homes · Canada/)).toBeVisible();
});
