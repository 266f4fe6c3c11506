import { expect, test } from "@playwright/test";
import { demo, signIn, screenshotsTo, expectNoAxeViolations } from "./support";

const SHOTS = "/tmp/shots-b";
const shoot = screenshotsTo(SHOTS);
const street = `${Math.floor(Math.random() * 9000) + 1000} Workbench Ave`;

test.describe.configure({ mode: "serial" });

test("an owner enters a deal by hand, works it, deletes and restores it", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.owner);

  // Create by hand from Prospects.
  await page.goto("/deals");
  await page.getByRole("link", { name: "New deal" }).click();
  await expect(page.getByRole("heading", { name: "New deal" })).toBeVisible();
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByLabel("Street")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Street")).toBeFocused();
  await page.getByLabel("Street").fill(street);
  await page.getByLabel("City").fill("Memphis");
  await page.getByLabel("State / province").fill("TN");
  await page.getByLabel("ZIP / postal code").fill("38103");
  await page.getByLabel("Asking price").fill("$90k");
  await page.getByLabel("ARV").fill("200000");
  await page.getByLabel("Repairs").fill("20000");
  await page.getByLabel("Phone").fill("901 555 0147");
  await page.getByLabel("Consent given").selectOption("yes");
  await page.getByLabel("Source", { exact: true }).fill("Phone call");
  await page.getByLabel("Basis").selectOption("ESTABLISHED_RELATIONSHIP");
  await shoot(page, "deal-new");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page).toHaveURL(/\/deals\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: street })).toBeVisible();
  await expect(page.getByTestId("contact-consent").locator('[data-channel="SMS"]')).toHaveAttribute("data-basis", "ESTABLISHED_RELATIONSHIP");
  const dealUrl = page.url();

  // Start its ladder, then a status change stops it.
  const ladder = page.getByRole("region", { name: "Follow-up ladder" }).or(page.locator('[aria-labelledby="ladder-title"]'));
  const start = ladder.getByRole("button", { name: /Start ladder/ });
  if (await start.isVisible()) await start.click();
  await expect(ladder.getByText(/^Running/)).toBeVisible();
  await page.getByLabel("Move to").selectOption("CONTACTED");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(ladder.getByText(/^Stopped/)).toBeVisible();
  await expect(page.getByText("Status: Underwritten → Contacted")).toBeVisible();

  // DEAD asks for a reason, next to the field.
  await page.getByLabel("Move to").selectOption("DEAD");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByLabel("Why is it dead?")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Move to").selectOption("NEGOTIATING");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText("Status: Contacted → Negotiating")).toBeVisible();

  // Owner, tag and note.
  await page.getByRole("combobox", { name: "Owner" }).selectOption({ label: `${demo.va.name} (VA)` });
  await page.getByRole("button", { name: "Save owner" }).click();
  await expect(page.getByText(`Assigned to ${demo.va.name}`)).toBeVisible();
  await page.getByLabel("Add tags").fill("probate, vacant");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("button", { name: "Remove tag vacant" })).toBeVisible();
  await page.getByLabel("New note").fill("Seller wants to close before May.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("deal-note").filter({ hasText: "Seller wants to close before May." })).toBeVisible();

  // The phone never wraps, and Email cannot be picked for a lead without an email.
  await expect(page.getByRole("option", { name: /Email \(no email on file\)/ })).toBeDisabled();
  await shoot(page, "deal-page");
  await page.setViewportSize({ width: 390, height: 900 });
  const contactTop = (await page.getByRole("heading", { name: "Contact" }).boundingBox())!.y;
  const rawTop = (await page.getByText("Raw source", { exact: false }).first().boundingBox())!.y;
  expect(contactTop).toBeLessThan(rawTop);
  const phone = page.getByRole("link", { name: "(901) 555-0147" });
  const box = (await phone.locator("span").boundingBox())!;
  expect(box.height).toBeLessThan(30);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectNoAxeViolations(page);

  // Edit a field: a new price re-underwrites.
  await page.getByRole("link", { name: "Edit deal" }).click();
  await expect(page.getByLabel("Asking price")).toHaveValue("90000");
  await page.getByLabel("Asking price").fill("80000");
  await shoot(page, "deal-edit");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(dealUrl);
  await expect(page.getByText("Edited asking price (re-underwritten)")).toBeVisible();
  await expect(page.getByTestId("evidence-row")).toHaveCount(2);

  // Delete, then restore from Recently deleted.
  await page.getByRole("button", { name: "Delete deal" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/deals$/);
  await page.goto(`/deals?q=${encodeURIComponent(street)}`);
  await expect(page.getByText(street)).toHaveCount(0);
  expect((await page.goto(dealUrl))?.status()).toBe(404);
  await page.goto("/deals/deleted");
  const row = page.getByTestId("deleted-deal").filter({ hasText: street });
  await expect(row).toBeVisible();
  await shoot(page, "deals-deleted");
  await expectNoAxeViolations(page);
  await row.getByRole("button", { name: /Restore/ }).click();
  await expect(page.getByTestId("deleted-deal").filter({ hasText: street })).toHaveCount(0);
  await page.goto(dealUrl);
  await expect(page.getByRole("heading", { level: 1, name: street })).toBeVisible();
  await expect(page.getByText("Restored from Recently deleted")).toBeVisible();
});

test("a VA works deals but cannot open Recently deleted", async ({ page }) => {
  await signIn(page, demo.va);
  await page.goto("/deals");
  await expect(page.getByRole("link", { name: "New deal" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Recently deleted" })).toHaveCount(0);
  const response = await page.goto("/deals/deleted");
  expect(response?.status()).toBe(403);
});
