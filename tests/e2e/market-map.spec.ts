import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoAxeViolations, openRegionAroundTheClock, screenshotsTo, signIn } from "./support";

const shots = screenshotsTo(process.env.SCREENSHOT_DIR ?? "test-results/market-map");

/**
 * A scored lead with a phone (contact rules need a score) in an area the engine has ranked
 * (a deal other tests just made may sit in an area not ranked until the next pass): its
 * page, area code, region and number.
 */
async function scoredLead(page: Page) {
  const areas = (await (await page.request.get("/api/map/areas")).json()) as { features: { properties: { areaCode: string; rank: string } }[] };
  const ranked = areas.features.find((f) => f.properties.rank === "NORMAL") ?? areas.features[0];
  expect(ranked, "the demo has ranked areas").toBeDefined();
  await page.goto(`/deals?scoreMin=1&area=${ranked.properties.areaCode}`);
  await page.getByTestId("prospect-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/deals\/[^/]+$/);
  const dealPath = new URL(page.url()).pathname;
  const postal = (await page.getByTestId("field-postalCode").locator("dd").first().innerText()).trim().toUpperCase();
  const region = (await page.getByTestId("field-region").locator("dd").first().innerText()).trim();
  const phone = (await page.getByTestId("field-contactPhone").locator("dd").first().innerText()).trim();
  const areaCode = /^\d{5}/.test(postal) ? postal.slice(0, 5) : postal.slice(0, 3);
  return { dealPath, areaCode, region, phone };
}

const browserErrors: string[] = [];
test.beforeEach(({ page }) => {
  browserErrors.length = 0;
  page.on("console", (message) => { if (message.type() === "error") browserErrors.push(message.text()); });
  page.on("pageerror", (error) => browserErrors.push(error.message));
});

async function mapReady(page: Page) {
  const map = page.getByTestId("market-map");
  await expect(map.locator("canvas.maplibregl-canvas")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("toolbar", { name: "Map controls" })).toContainText(/[1-9][\d,]* deals in view/, { timeout: 30_000 });
  expect(browserErrors).toEqual([]);
  return map;
}

test("the map renders offline with clusters and the heatmap, and the page works without it", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.hostname !== "localhost" && !url.protocol.startsWith("blob") && !url.protocol.startsWith("data")) external.push(request.url());
  });
  await signIn(page, demo.owner);
  await page.getByRole("link", { name: "Market map" }).click();
  await expect(page.getByRole("heading", { name: "Market map", level: 1 })).toBeVisible();
  const map = await mapReady(page);
  // Cluster counts are HTML markers over the canvas.
  await expect(map.locator(".maplibregl-marker").first()).toBeVisible();
  await page.waitForTimeout(1000); // the heatmap fades in
  await shots(page, "market-map");
  await map.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? "test-results/market-map"}/market-map-canvas-heat.png` });
  await page.getByRole("button", { name: "Heat by spread" }).click();
  await page.getByRole("button", { name: "Colour by status" }).click();
  await page.waitForTimeout(800);
  await map.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? "test-results/market-map"}/market-map-canvas-status-spread.png` });
  await expect(page.getByText("Deals by status")).toBeVisible();
  // The areas and the rollups are there for keyboards and screen readers.
  await expect(page.getByRole("list", { name: "Areas, hottest first" }).getByRole("link").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Areas by market" }).getByRole("table")).toBeVisible();
  expect(external).toEqual([]);
  await expectNoAxeViolations(page, "market map");
});

test("an area's card opens on a click, a blacklist needs a reason and then refuses a text to its leads", async ({ page }) => {
  await signIn(page, demo.owner);
  const lead = await scoredLead(page);
  await openRegionAroundTheClock(page, lead.region, "Market map test: open around the clock");
  await page.goto("/settings/compliance");
  const consentForm = page.getByRole("form", { name: "Record consent" });
  await consentForm.getByLabel("Channel").selectOption("SMS");
  await consentForm.getByLabel("Phone or email").fill(lead.phone);
  await consentForm.getByLabel("Consent").selectOption("OPTED_IN");
  await consentForm.getByLabel("Reason").fill("Signed the seller form (market map e2e)");
  await consentForm.getByRole("button", { name: "Record" }).click();

  // The map opened on the area's centre: a click there opens the area's card.
  const areas = (await (await page.request.get("/api/map/areas")).json()) as { features: { geometry: { coordinates: [number, number] }; properties: { areaCode: string } }[] };
  const area = areas.features.find((f) => f.properties.areaCode === lead.areaCode);
  expect(area, `area ${lead.areaCode} is ranked`).toBeDefined();
  const [lng, lat] = area!.geometry.coordinates;
  await page.goto(`/market?bbox=${[lng - 0.02, lat - 0.02, lng + 0.02, lat + 0.02].join(",")}`);
  const map = await mapReady(page);
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const card = page.locator("#area-card");
  await expect(card.getByRole("heading", { level: 2 })).toContainText(lead.areaCode);
  await expect(card.getByRole("link", { name: /in Prospects/ })).toHaveAttribute("href", `/deals?area=${lead.areaCode}`);
  await shots(page, "market-area-card", card);

  // No reason: refused beside the field. With one: blacklisted, struck through in the list.
  await card.getByRole("button", { name: "Blacklist this area" }).click();
  await expect(card.getByText("Say why this area is blacklisted")).toBeVisible();
  await expect(card.getByLabel(/Reason/)).toBeFocused();
  const reason = `Flood zone, insurers refuse (e2e ${Date.now().toString(36)})`;
  await card.getByLabel(/Reason/).fill(reason);
  await card.getByRole("button", { name: "Blacklist this area" }).click();
  await expect(card).toContainText(`: ${reason}`);
  await expect(page.getByRole("list", { name: "Areas, hottest first" }).getByRole("link", { name: new RegExp(`^${lead.areaCode}.*\\(blacklisted\\)`) })).toHaveClass(/line-through/);

  // A text to a lead there is refused, with the reason.
  await page.goto(lead.dealPath);
  const form = page.getByRole("form", { name: "Send message" });
  await form.getByLabel("Channel").selectOption("SMS");
  await form.getByLabel("Message").fill("Hi, still selling?");
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByTestId("send-result")).toContainText(reason);
  await expect(form.getByTestId("send-result")).toContainText("blacklisted");

  // The refusal links back to the area, whose card lifts the mark.
  await page.goto(`/market?area=${lead.areaCode}`);
  await page.locator("#area-card").getByRole("button", { name: "Lift the blacklist" }).click();
  await expect(page.locator("#area-card").getByRole("button", { name: "Blacklist this area" })).toBeVisible();
});

test("a box drawn on the map opens those deals in Prospects, and so does the visible area by keyboard", async ({ page }) => {
  await signIn(page, demo.owner);
  await page.goto("/market");
  const map = await mapReady(page);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/\/deals\?bbox=-?\d+(\.\d+)?,-?\d/);
  await expect(page.getByRole("button", { name: /Remove filter: Map area/ })).toBeVisible();
  await expect(page.getByTestId("prospect-row").first()).toBeVisible();

  await page.goto("/market?status=NEW");
  await mapReady(page);
  await page.getByRole("button", { name: "Select the visible area" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/deals\?status=NEW&bbox=/);
  await page.getByRole("button", { name: /Remove filter: Map area/ }).click();
  await expect(page).toHaveURL(/\/deals\?status=NEW$/);
});

test("a deal's page shows where the property is, its area's rank and its photos", async ({ page }) => {
  await signIn(page, demo.owner);
  const { areaCode } = await scoredLead(page);
  const location = page.getByRole("region", { name: "Location" }).or(page.locator("[aria-labelledby='deal-location-title']"));
  await expect(location.getByRole("img", { name: /^Map of / })).toBeVisible();
  await expect(location.locator("canvas.maplibregl-canvas")).toBeVisible({ timeout: 30_000 });
  await expect(location.getByRole("link", { name: `Area ${areaCode}` })).toHaveAttribute("href", `/market?area=${areaCode}`);
  await expect(location.getByText(/^(Hot|Normal|Cold|Blacklist)$/)).toBeVisible();
  await expect(location.getByText(/No photos yet/)).toBeVisible();
  await shots(page, "deal-location", location);
  await location.getByRole("link", { name: `Area ${areaCode}` }).click();
  await expect(page).toHaveURL(new RegExp(`/market\\?area=${areaCode}`));
  expect(browserErrors).toEqual([]);
});
