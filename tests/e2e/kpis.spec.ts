import { expect, test } from "@playwright/test";
import { demo, signIn, expectNoAxeViolations } from "./support";

const SHOTS = "/tmp/shots-e";

test("on a phone the KPIs page fits the screen and passes axe", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.owner);
  for (const range of ["24h", "7d"]) {
    await page.goto(`/kpis?range=${range}`);
    await expect(page.getByTestId("kpi-reply_rate").locator(".recharts-line-curve")).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at 390px (${range})`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/kpis-${range}-390.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/kpis-${range}-390-top.png` });
    await page.getByTestId("kpi-reply_rate").screenshot({ path: `${SHOTS}/kpis-${range}-390-reply.png` });
    await expectNoAxeViolations(page, `kpis ${range} at 390px`);
  }
});

test("an owner reads the KPIs against their bands, sees the evening's alerts, and switches auto-throttle on and off", async ({ page }) => {
  // Four heavy page loads (two weeks of hourly history each) and the audit log: a loaded CI machine needs more than a minute.
  test.slow();
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "KPIs" }).click();
  // The page reads two weeks of hourly history: allow a loaded machine time to render it.
  await expect(page).toHaveURL(/\/kpis$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "KPIs", level: 1 })).toBeVisible();

  // The demo's evening that went wrong: the tripwire alerted on both KPIs, with the figures. The
  // tripwire keeps watching while the browser tests send, so it may have alerted again since.
  const alerts = page.getByRole("list", { name: "KPI alerts" });
  await expect(alerts.getByRole("listitem").filter({ hasText: /Opt-out rate was \d+(\.\d)?% in the last hour over \d+ event\(s\), above its band/ }).first()).toBeVisible();
  await expect(alerts.getByRole("listitem").filter({ hasText: /Reply rate was \d+(\.\d)?% .* below its band \d+(\.\d)?%–\d+(\.\d)?%/ }).first()).toBeVisible();

  // Each KPI is charted against its band, the alert hour marked, the latest figure in words.
  const optOut = page.getByTestId("kpi-opt_out_rate");
  await expect(optOut.getByText(/^\d+ alert\(s\)$/)).toBeVisible();
  // The caption speaks of the latest hour with events, which earlier work of the day may have moved past the incident.
  await expect(optOut.locator("figcaption")).toHaveText(/^Last measured .+ UTC: \d+(\.\d)?%[,.] /);
  await expect(optOut.locator(".recharts-area-area")).toHaveCount(1);
  await expect(optOut.locator(".recharts-scatter-symbol path[fill='var(--destructive)']").first()).toBeVisible();
  await expect(optOut.getByRole("list", { name: "Legend" })).toContainText("Baseline band");
  await expect(page.getByTestId("kpi-reply_rate").locator(".recharts-line-curve")).toHaveCount(1);
  await expect(page.getByTestId("kpi-block_rate.market_policy")).toBeVisible();
  // Gates that never refused a send are named, not drawn as flat charts. Which gates those are
  // depends on what earlier browser tests sent, so each one named is checked to have no chart.
  const neverHappened = page.getByText(/^At 0% throughout this span: /);
  await expect(neverHappened).toBeVisible();
  const named = ((await neverHappened.textContent()) ?? "").replace(/^At 0% throughout this span: /, "").replace(/\.$/, "").split(", ");
  expect(named).toContain("Blocked by daily cap");
  for (const label of named) await expect(page.getByRole("heading", { name: label, level: 2, exact: true })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Blocked by market policy", level: 2, exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/kpis-24h-1440.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/kpis-24h-1440-top.png` });
  await optOut.screenshot({ path: `${SHOTS}/kpis-24h-1440-opt-out.png` });

  // The range switch works from the keyboard.
  await page.getByRole("link", { name: "Last 7 days" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/kpis\?range=7d$/);
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("kpi-reply_rate").locator(".recharts-area-area")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/kpis-7d-1440.png`, fullPage: true });

  // Auto-throttle: Space on the checkbox turns it on, it survives a reload, and off again.
  const autoThrottle = page.getByRole("checkbox", { name: "Throttle outbound when a KPI breaches" });
  await expect(autoThrottle).not.toBeChecked();
  await autoThrottle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("Auto-throttle is on: a KPI breach slows outbound")).toBeVisible();
  await page.reload();
  await expect(autoThrottle).toBeChecked();
  await autoThrottle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("Auto-throttle is off")).toBeVisible();
  await page.reload();
  await expect(autoThrottle).not.toBeChecked();

  // Both changes are in the audit log, newest first.
  await page.goto("/audit?action=tenant.kpi-auto-throttle");
  const rows = page.getByTestId("audit-row");
  await expect(rows.nth(1)).toBeVisible();
  const change = (from: boolean, to: boolean) => new RegExp(`Before\\s*\\{\\s*"kpiAutoThrottle": ${from}\\s*\\}\\s*After\\s*\\{\\s*"kpiAutoThrottle": ${to}\\s*\\}`);
  await rows.nth(0).getByText("View change").click();
  await expect(rows.nth(0)).toContainText(change(true, false));
  await rows.nth(1).getByText("View change").click();
  await expect(rows.nth(1)).toContainText(change(false, true));

  await page.goto("/kpis");
  await expectNoAxeViolations(page, "kpis at 1440px");
});
