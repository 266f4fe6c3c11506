import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

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

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Fails with every WCAG 2.2 AA violation axe finds on the page, named by rule and element. */
export async function expectNoAxeViolations(page: Page, label?: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`), label).toEqual([]);
}

/** Screenshots of the page (or one element) at desktop and phone width, into `dir`, for a person to look at. */
export function screenshotsTo(dir: string) {
  return async (page: Page, name: string, target?: Locator) => {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await (target ?? page).screenshot({ path: `${dir}/${name}-${width}.png`, ...(target ? {} : { fullPage: true }) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  };
}

const WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * Opens a region's contact rules for SMS around the clock with no minimum score, so a send
 * does not depend on the hour the test runs at.
 */
export async function openRegionAroundTheClock(page: Page, region: string, reason: string) {
  await page.goto("/policies?tab=contact");
  const row = page.getByTestId(`market-policy-${region}-ALL`);
  await row.getByRole("button", { name: /Edit contact rules/ }).click();
  const dialog = page.getByRole("dialog");
  for (const day of WEEK) {
    const open = dialog.getByRole("checkbox", { name: day, exact: true });
    if (!(await open.isChecked())) await open.click();
    await dialog.getByLabel(`${day} start`).fill("00:00");
    await dialog.getByLabel(`${day} end`).fill("23:59");
  }
  const sms = dialog.getByRole("checkbox", { name: "Text (SMS)" });
  if (!(await sms.isChecked())) await sms.click();
  await dialog.getByLabel("Minimum lead score (0-100)").fill("0");
  await dialog.getByLabel("Reason for the change").fill(reason);
  await dialog.getByRole("button", { name: "Save contact rules" }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Opens the first underwritten, scored deal of the Prospects table (one a blast can go out
 * for) and reads where it is: its path, ZIP (or FSA) and state.
 */
export async function openUnderwrittenDeal(page: Page) {
  await page.goto("/deals?status=UNDERWRITTEN&scoreMin=1");
  await page.getByTestId("prospect-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/deals\/[^/]+$/);
  const dealPath = new URL(page.url()).pathname;
  const zip = (await page.getByTestId("field-postalCode").locator("dd").first().innerText()).trim();
  const region = (await page.getByTestId("field-region").locator("dd").first().innerText()).trim();
  return { dealPath, zip, region };
}
