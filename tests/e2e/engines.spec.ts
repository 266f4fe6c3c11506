import { expect, test } from "@playwright/test";
import { demo, signIn } from "./support";

test("an owner sees the engines without Inngest, runs underwriting by hand, and pauses then resumes it", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Engines" }).click();
  await expect(page).toHaveURL(/\/engines$/);
  await expect(page.getByRole("heading", { name: "Engines", level: 1 })).toBeVisible();

  // No Inngest server here: the page says the app runs the jobs itself, and why.
  const executor = page.getByRole("region", { name: "Background jobs" });
  await expect(executor.getByTestId("executor-kind")).toHaveText("Embedded runner");
  await expect(executor.getByTestId("executor-reason")).toHaveText(/No Inngest server is configured/);
  await expect(executor.getByTestId("runner-jobs")).toContainText("job(s) waiting");
  // The embedded runner takes the demo's events: the outbox empties instead of growing.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: /Event outbox/ }).getByTestId("outbox-pending")).toHaveText("0 waiting", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  // Run now calls the engine directly and the run shows in the recent runs with its outcome.
  const underwriting = page.getByRole("region", { name: /^Underwriting/ });
  const runs = underwriting.getByRole("table", { name: "Recent runs of Underwriting" });
  await underwriting.getByRole("button", { name: "Run Underwriting now" }).click();
  await expect(page.getByText(/Underwriting: done, \d+ item\(s\)\./)).toBeVisible({ timeout: 30_000 });
  await expect(runs.getByRole("row").nth(1)).toContainText("manual");
  await expect(runs.getByRole("row").nth(1)).toContainText("OK");
  await expect(underwriting.getByTestId("engine-status")).toHaveText("Idle");
  // The run also measured the load: the interval now says why, not "not measured yet".
  await expect(underwriting.getByTestId("interval-reason")).toHaveText(/^Every .+: (?!Default pace)/);

  // Pause: the engine shows paused, and a run while paused is recorded as SKIPPED.
  await underwriting.getByRole("button", { name: "Pause Underwriting" }).click();
  await expect(underwriting.getByTestId("engine-status")).toHaveText("Paused");
  await underwriting.getByRole("button", { name: "Run Underwriting now" }).click();
  await expect(page.getByText("Underwriting: skipped. Paused")).toBeVisible();
  await expect(runs.getByRole("row").nth(1)).toContainText("SKIPPED");

  // Resume, and the state survives a reload.
  await underwriting.getByRole("button", { name: "Resume Underwriting" }).click();
  await expect(underwriting.getByTestId("engine-status")).toHaveText("Idle");
  await page.reload();
  await expect(page.getByRole("region", { name: /^Underwriting/ }).getByRole("button", { name: "Pause Underwriting" })).toBeVisible();
});

test("a VA has no Engines page", async ({ page }) => {
  await signIn(page, demo.va);
  await expect(page.getByRole("link", { name: "Engines" })).toHaveCount(0);
});
