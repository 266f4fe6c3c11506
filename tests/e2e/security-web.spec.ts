import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, signIn, uniqueEmail } from "./support";

const SHOTS = "/tmp/shots-f";
const investor = { email: "investor@demo.dealflow.app" };

const spoofedAddress = (n: number) => `198.51.100.${n}`;

async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages and API answers carry the security headers, and pages hydrate under the CSP", async ({ page, request }) => {
  const violations = await collectCspViolations(page);
  const login = await page.goto("/login");
  const headers = login!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over plain HTTP here: no HSTS (browsers ignore it there) and no Secure cookie.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  // Browsers hide a nonce from getAttribute; the property keeps it.
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(scriptNonces.every((value) => value === nonce)).toBe(true);
  // A second page load gets a new nonce.
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);

  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-frame-options"]).toBe("DENY");

  // Hydration works: the form is interactive, and every page of the app renders without a blocked script.
  await signIn(page, demo.owner);
  for (const path of ["/deals", "/pipeline", "/analytics", "/inbox", "/outbox", "/engines", "/audit", "/settings", "/settings/members"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("menuitem", { name: /Sign out/ })).toBeVisible();
  await page.keyboard.press("Escape");
  expect(violations).toEqual([]);
});

test("a session cookie is refused once its session signed out", async ({ page, browser }) => {
  await signIn(page, demo.admin);
  const stolen = (await page.context().cookies()).filter((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(stolen.length).toBeGreaterThan(0);
  expect(stolen.every((cookie) => cookie.httpOnly)).toBe(true);
  expect((await page.request.get("/api/tenant/members")).status()).toBe(200);

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the sign-out replays it.
  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  expect((await replay.request.get("/api/tenant/members")).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
});

test("failed sign-ins slow down their source only: spoofed X-Forwarded-For changes nothing, a known device still gets in", async ({ page, browser }) => {
  // The owner's browser signs in once: it becomes a known device for this account.
  await signIn(page, investor);
  expect((await page.context().cookies()).some((cookie) => cookie.name === "dealflow-device" && cookie.httpOnly)).toBe(true);
  await page.context().clearCookies({ name: /next-auth\.session-token/ });

  // An attacker on the same address guesses, claiming a new address on every try.
  const attacker = await browser.newContext();
  const attackerPage = await attacker.newPage();
  const attempt = async (password: string, claimed: number) => {
    await attacker.setExtraHTTPHeaders({ "x-forwarded-for": spoofedAddress(claimed), "x-real-ip": spoofedAddress(claimed) });
    await attackerPage.getByLabel("Email").fill(investor.email);
    await attackerPage.getByLabel("Password").fill(password);
    await attackerPage.getByRole("button", { name: "Sign in" }).click();
  };
  await attackerPage.goto("/login");
  for (let n = 1; n <= 5; n += 1) {
    await attempt(`guess-${n}-wrong`, n);
    await expect(attackerPage.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
  }
  // The header is not trusted: the next try is slowed down even with the right password.
  for (const width of [1440, 390]) {
    await attackerPage.setViewportSize({ width, height: 900 });
    await attempt(DEMO_PASSWORD, 90 + width);
    await expect(attackerPage.getByRole("alert").filter({ hasText: /^Too many failed sign-ins from here\. Try again in \d+ seconds\.$/ })).toBeVisible();
    await attackerPage.screenshot({ path: `${SHOTS}/sign-in-slowed-${width}.png`, fullPage: true });
  }
  await attacker.close();

  // The owner, on the same address but a known device, signs in at once.
  await signIn(page, investor);
});

test("cookie-authenticated writes must come from the app, as JSON", async ({ page }) => {
  await signIn(page, demo.owner);
  const body = JSON.stringify({ email: uniqueEmail("csrf"), role: "va" });

  const crossSite = await page.request.post("/api/tenant/invitations", { headers: { origin: "https://evil.example", "content-type": "text/plain" }, data: body });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error).toMatch(/Cross-site request refused/);
  const fetchSite = await page.request.post("/api/tenant/invitations", { headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" }, data: body });
  expect(fetchSite.status()).toBe(403);

  const plainText = await page.request.post("/api/tenant/invitations", { headers: { "content-type": "text/plain" }, data: body });
  expect(plainText.status()).toBe(415);
  expect((await plainText.json()).error).toBe("Send the body as application/json (Content-Type: application/json)");

  // A real cross-origin page: the browser posts the form with the cookie, and the app refuses it.
  const evil = await page.context().newPage();
  await evil.route("https://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" enctype="text/plain" action="${new URL("/api/tenant/invitations", page.url()).href}"><input name='{"email":"x@evil.example","role":"owner","pad":"' value='"}'></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const answered = evil.waitForResponse((response) => response.url().endsWith("/api/tenant/invitations"));
  await evil.goto("https://evil.example/attack");
  expect((await answered).status()).toBe(403);
  await evil.close();

  const invitations = await page.request.get("/api/tenant/invitations");
  expect(JSON.stringify(await invitations.json())).not.toContain("evil.example");

  // Uploads take multipart bodies, under the same Origin check.
  for (const upload of ["/api/imports", "/api/dnc/registries"]) {
    const file = { name: "list.csv", mimeType: "text/csv", buffer: Buffer.from("phone\n+12025550100\n") };
    const crossSiteUpload = await page.request.post(upload, { headers: { origin: "https://evil.example" }, multipart: { kind: "INTERNAL", name: "evil", file } });
    expect(crossSiteUpload.status(), upload).toBe(403);
    const plainUpload = await page.request.post(upload, { headers: { "content-type": "text/plain" }, data: "phone\n+12025550100\n" });
    expect(plainUpload.status(), upload).toBe(415);
  }
  const registries = await page.request.get("/api/dnc/registries");
  expect(JSON.stringify(await registries.json())).not.toContain("evil");

  // The app's own JSON write still works.
  const own = await page.request.post("/api/tenant/invitations", { data: { email: uniqueEmail("own"), role: "va" } });
  expect(own.ok()).toBe(true);

  // Server actions: Next itself refuses an Origin that is not the host.
  const fakeAction = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
  const actionCrossSite = await page.request.post("/settings", { headers: { ...fakeAction, origin: "https://evil.example" }, data: "[]" });
  const actionOwn = await page.request.post("/settings", { headers: { ...fakeAction, origin: new URL(page.url()).origin }, data: "[]" });
  expect(actionCrossSite.status()).toBe(500);
  expect(actionOwn.status()).not.toBe(500);
});

test("bodies over 10 MB stream to their handler: an 11 MB CSV upload and an 11 MB JSON body", async ({ page }) => {
  await signIn(page, demo.owner);
  const padding = "x".repeat(5_500);
  const rows = Array.from({ length: 2_100 }, (_, n) => `1 Streaming Way,Memphis,TN,38103,${n % 2 ? 90000 : 95000},${padding}`);
  const csv = Buffer.from(["street,city,region,postalCode,askingPrice,notes", ...rows].join("\n"));
  expect(csv.length).toBeGreaterThan(11 * 1024 * 1024);
  const mapping = [
    { header: "street", field: "street" },
    { header: "city", field: "city" },
    { header: "region", field: "region" },
    { header: "postalCode", field: "postalCode" },
    { header: "askingPrice", field: "askingPrice" },
    { header: "notes", field: null },
  ];
  const upload = await page.request.post("/api/imports", {
    multipart: { mapping: JSON.stringify(mapping), fileSize: String(csv.length), file: { name: "big.csv", mimeType: "text/csv", buffer: csv } },
  });
  expect(upload.status(), await upload.text()).toBe(202);
  expect((await upload.json()).jobId).toBeTruthy();

  const email = uniqueEmail("large-body");
  const big = JSON.stringify({ email, role: "va", note: "y".repeat(11 * 1024 * 1024) });
  const json = await page.request.post("/api/tenant/invitations", { headers: { "content-type": "application/json" }, data: big });
  expect(json.status(), (await json.text()).slice(0, 300)).not.toBe(400);
  expect(json.ok()).toBe(true);
});
