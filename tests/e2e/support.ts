import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "dealflow-demo-2026";
export const demo = {
  owner: { email: "owner@demo.dealflow.app", name: "Olivia Owner" },
  admin: { email: "admin@demo.dealflow.app", name: "Adam Admin" },
  va: { email: "va@demo.dealflow.app", name: "Victor VA" },
  viewer: { email: "viewer@demo.dealflow.app", name: "Vera Viewer" },
};

export async function signIn(page: Page, user: { email: string }, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}
