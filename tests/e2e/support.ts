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

/**
 * Fails with every WCAG 2.2 AA violation axe finds on the page, named by rule and element.
 * `exclude` leaves out elements axe cannot enter, such as a sandboxed frame that runs no
 * script (axe would wait for it forever).
 */
export async function expectNoAxeViolations(page: Page, label?: string, options: { exclude?: string[] } = {}) {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder.exclude(selector);
  const results = await builder.analyze();
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
 * Opens a region's contact rules for a channel (SMS unless told) around the clock with no
 * minimum score, so a send does not depend on the hour the test runs at.
 */
export async function openRegionAroundTheClock(page: Page, region: string, reason: string, channel: "Text (SMS)" | "Email" | "Call" = "Text (SMS)") {
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
  const allowed = dialog.getByRole("checkbox", { name: channel, exact: true });
  if (!(await allowed.isChecked())) await allowed.click();
  await dialog.getByLabel("Minimum lead score (0-100)").fill("0");
  await dialog.getByLabel("Reason for the change").fill(reason);
  await dialog.getByRole("button", { name: "Save contact rules" }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Opens the first underwritten, scored deal of the Prospects table (one a blast can go out
 * for) and reads where it is: its path, ZIP (or FSA) and state. With `inUS`, the first such
 * deal with a US ZIP: a deal an earlier walkthrough imported in Canada may head the table.
 */
export async function openUnderwrittenDeal(page: Page, { inUS = false } = {}) {
  await page.goto("/deals?status=UNDERWRITTEN&scoreMin=1");
  const rows = page.getByTestId("prospect-row");
  await expect(rows.first()).toBeVisible();
  const paths: string[] = [];
  for (const link of (await rows.all()).slice(0, 25)) {
    const href = await link.getByRole("link").first().getAttribute("href");
    if (href) paths.push(new URL(href, page.url()).pathname);
  }
  for (const dealPath of paths) {
    await page.goto(dealPath);
    const zip = (await page.getByTestId("field-postalCode").locator("dd").first().innerText()).trim();
    if (inUS && !/^\d{5}$/.test(zip)) continue;
    const region = (await page.getByTestId("field-region").locator("dd").first().innerText()).trim();
    return { dealPath, zip, region };
  }
  throw new Error("No underwritten, scored deal with a US ZIP among the first 25 prospects");
}

/**
 * The workspace's webhook secret (inbound email and signals share it), rotated now: Settings >
 * API shows a new secret once.
 */
export async function rotateWebhookSecret(page: Page): Promise<string> {
  await page.goto("/settings/api");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /^(Rotate|Create) secret$/ }).click();
  const field = page.getByLabel("Inbound email secret");
  await expect(field).toBeVisible();
  return field.inputValue();
}

/**
 * A new lead in Memphis, TN with an email address the person agreed to, entered on New deal;
 * answers the deal's path.
 */
export async function createEmailableLead(page: Page, street: string, email: string): Promise<string> {
  await page.goto("/deals/new");
  await page.getByLabel("Street").fill(street);
  await page.getByLabel("City").fill("Memphis");
  await page.getByLabel("State / province").fill("TN");
  await page.getByLabel("ZIP / postal code").fill("38103");
  await page.getByLabel("Name", { exact: true }).fill("Jordan Rivers");
  await page.getByLabel("Email", { exact: true }).fill(email);
  // A phone too: the ladder's first text then has an address (no "no address" refusal skews the KPIs).
  await page.getByLabel("Phone", { exact: true }).fill(`+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`);
  // The list's own score, kept beside the computed one.
  await page.getByLabel("Source score").fill("80");
  await page.getByLabel("Consent given").selectOption("yes");
  await page.getByLabel("Source", { exact: true }).fill("Web form");
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: street })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * Sends the lead a reply by text, a reply by email and a click through the generic signal
 * webhook (30 + 30 + 12: over the seeded threshold of 70), then waits on the deal page until
 * the drafting job has proposed an email; answers the draft's path.
 */
export async function draftForLead(page: Page, dealPath: string, secret: string): Promise<string> {
  const dealId = dealPath.split("/").pop()!;
  const at = new Date().toISOString();
  const response = await page.request.post("/api/webhooks/signals/demo/generic", {
    headers: { "X-Dealflow-Secret": secret },
    data: ["sms_reply", "email_reply", "email_click"].map((type) => ({ type, occurredAt: at, dealId, dedupeKey: `${dealId}-${type}` })),
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  const link = page.getByRole("link", { name: "A drafted email is waiting for approval" });
  await expect(async () => {
    await page.goto(dealPath);
    await expect(link).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  return (await link.getAttribute("href"))!;
}

/** Saves the Prospects search `q` (one lead, checked) as a view named `name`, for a campaign's audience. */
export async function saveProspectsView(page: Page, q: string, name: string) {
  await page.goto(`/deals?q=${encodeURIComponent(q)}`);
  await expect(page.getByTestId("prospect-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
}

/**
 * A draft email campaign to one new lead who agreed to email (in Memphis, TN, opened around
 * the clock for email), kept as a saved view with no score minimum; ends on the campaign's page
 * and answers the lead's address.
 */
export async function draftEmailCampaignToNewLead(page: Page, options: { name: string; message: string }): Promise<{ email: string }> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const email = uniqueEmail("campaign");
  // Searched by the words after the number, which match the street wherever they are.
  const words = `Campaign Ave ${stamp}`;
  await createEmailableLead(page, `${Math.floor(Math.random() * 9000) + 1000} ${words}`, email);
  await openRegionAroundTheClock(page, "TN", "Campaign end-to-end test: open around the clock", "Email");
  await saveProspectsView(page, words, `Campaign lead ${stamp}`);
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(options.name);
  await page.getByLabel("Audience: saved Prospects view").selectOption({ label: `Campaign lead ${stamp}` });
  await page.getByLabel("Minimum lead score").fill("0");
  await page.getByLabel("Message A").fill(options.message);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: options.name })).toBeVisible();
  return { email };
}

/**
 * Opens a scored lead with a phone number (contact rules need a score; leads captured or
 * imported by earlier browser tests may have no phone) and returns its path and phone.
 */
export async function openScoredLeadWithPhone(page: Page): Promise<{ dealPath: string; phone: string }> {
  await page.goto("/deals?scoreMin=1");
  const leadPaths = await page.getByTestId("prospect-row").evaluateAll((rows) => rows.slice(0, 10).map((row) => row.querySelector("a")?.getAttribute("href") ?? ""));
  let dealPath = "";
  let phone = "";
  for (const path of leadPaths) {
    await page.goto(path);
    phone = (await page.getByTestId("field-contactPhone").locator("dd").first().innerText()).trim();
    dealPath = path;
    if (/^\+1\d{10}$/.test(phone)) break;
  }
  expect(dealPath).toMatch(/^\/deals\/[^/]+$/);
  expect(phone).toMatch(/^\+1\d{10}$/);
  return { dealPath, phone };
}

/** Opens the first due task of the VA inbox (everyone's) and returns its URL, its detail region and the lead's region. */
export async function openFirstDueTask(page: Page): Promise<{ taskUrl: string; detail: Locator; region: string }> {
  await page.goto("/inbox?owner=all");
  const tasks = page.getByRole("list", { name: "Due tasks" }).getByRole("listitem");
  await expect(tasks.first()).toBeVisible();
  await tasks.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/task=/);
  const detail = page.getByRole("region", { name: "Task detail" });
  const address = (await detail.getByRole("link").first().textContent()) ?? "";
  const region = /, ([A-Z]{2})(?:,|$)/.exec(address)?.[1];
  expect(region, `a region in "${address}"`).toBeTruthy();
  return { taskUrl: page.url(), detail, region: region! };
}
