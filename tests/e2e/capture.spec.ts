import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn } from "./support";

const SHOTS = "/tmp/shots-c";
const SAN_ANTONIO = { latitude: 29.4241, longitude: -98.4936 };
const PARIS = { latitude: 48.8566, longitude: 2.3522 };
// The smallest JPEG header the server's sniffing takes; the rest is filler.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 256 }, (_, i) => i % 256)]);

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test("a capture saved without signal waits on the phone and reaches Prospects once online", async ({ page, context }) => {
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation(SAN_ANTONIO);
  await signIn(page, demo.owner);
  await page.goto("/capture");
  await expect(page.getByTestId("capture-location")).toContainText(/Postal area 782\d\d · San Antonio, TX/);
  await page.screenshot({ path: `${SHOTS}/capture-online-390.png`, fullPage: true });
  // The service worker has kept the page and its files before the signal goes.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  const street = `${Math.floor(Math.random() * 9000) + 1000} Driveby Ln`;
  await page.getByLabel("Street address").fill(street);
  await page.getByRole("button", { name: "vacant" }).click();
  await page.getByRole("button", { name: "boarded" }).click();
  await expect(page.getByRole("button", { name: "vacant" })).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Note").fill("Plywood on every window, tall grass");
  await page.getByLabel("Photos").setInputFiles({ name: "front.jpg", mimeType: "image/jpeg", buffer: JPEG });
  await expect(page.getByRole("img", { name: /Photo 1: front\.jpg/ })).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page.getByRole("status")).toContainText("Saved on this phone");
  const queued = page.getByTestId("queued-capture").filter({ hasText: street });
  await expect(queued).toContainText("Waiting for signal");
  await expect(queued).toContainText("1 photo");
  await expect(page.getByLabel("Street address")).toHaveValue("");
  await page.screenshot({ path: `${SHOTS}/capture-offline-queue-390.png`, fullPage: true });

  // The page itself opens without signal (the service worker keeps it), and the queue is still there.
  await page.reload();
  await expect(queued).toContainText("Waiting for signal");
  await context.setOffline(false);
  await expect(queued).toContainText("Sent", { timeout: 20_000 });
  await expect(queued).toContainText(/Saved as a new deal in 782\d\d, 1 photo/);
  await page.screenshot({ path: `${SHOTS}/capture-sent-390.png`, fullPage: true });

  await page.goto(`/deals?q=${encodeURIComponent(street)}`);
  const row = page.getByTestId("prospect-row").filter({ hasText: street });
  await expect(row).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/prospects-after-capture-390.png`, fullPage: true });
  await row.getByRole("link").first().click();
  await expect(page.getByText("Driving for dollars").first()).toBeVisible();
});

test("a capture outside the US and Canada needs a fix, and is resent once fixed", async ({ page, context }) => {
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation(PARIS);
  await signIn(page, demo.owner);
  await page.goto("/capture");
  await expect(page.getByTestId("capture-location")).toContainText(/outside the US and Canada/);
  const street = `${Math.floor(Math.random() * 9000) + 1000} Faraway Rd`;
  await page.getByLabel("Street address").fill(street);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const queued = page.getByTestId("queued-capture").filter({ hasText: street });
  await expect(queued).toContainText(/Needs a fix: This location is outside the US and Canada/);
  await page.screenshot({ path: `${SHOTS}/capture-needs-fix-390.png`, fullPage: true });
  await expectNoAxeViolations(page, "capture with a refused capture");

  await queued.getByRole("button", { name: "Fix and resend" }).click();
  await expect(page.getByLabel("Street address")).toHaveValue(street);
  await expect(page.locator("#latitude-error")).toContainText(/outside the US and Canada/);
  await context.setGeolocation(SAN_ANTONIO);
  await page.getByRole("button", { name: "Locate again" }).click();
  await expect(page.getByTestId("capture-location")).toContainText(/Postal area 782\d\d/);
  await page.getByRole("button", { name: "Save and resend" }).click();
  await expect(queued).toContainText("Sent");
});
