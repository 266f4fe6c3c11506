import AxeBuilder from "@axe-core/playwright";
import { mkdir, readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./support";

// The probe's bad-input findings, each sent to the production build as it was found.
const SHOTS = "/tmp/shots-g";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const TWO_MB = 2 * 1024 * 1024;

async function createApiKey(page: Page): Promise<string> {
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "New API key" }).click();
  await page.getByLabel("Name").fill(`hardening ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = page.getByRole("textbox", { name: "API key", exact: true });
  await expect(key).toHaveValue(/.{20,}/);
  return key.inputValue();
}

test("a NUL or an unpaired surrogate in a deal is a 422 naming the field; NUL filters on the list are a 400", async ({ page, request, baseURL }) => {
  await signIn(page, demo.owner);
  const headers = { authorization: `Bearer ${await createApiKey(page)}`, "content-type": "application/json" };

  // Written as JSON escapes, the way a client serializes them.
  for (const street of ["12 Main\\u0000 St", "12 Main \\ud800 St"]) {
    const response = await request.post("/api/v1/deals", { headers, data: `{"street":"${street}","city":"Austin","region":"TX"}` });
    expect(response.status(), street).toBe(422);
    const body = (await response.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues[0]).toMatchObject({ path: "street", message: expect.stringMatching(/NUL character or an unpaired surrogate/) });
  }

  for (const parameter of ["region", "q"]) {
    const response = await request.get(`/api/v1/deals?${parameter}=%00`, { headers });
    expect(response.status(), parameter).toBe(400);
    expect(((await response.json()) as { issues: { path: string }[] }).issues[0].path).toBe(parameter);
  }
  expect((await request.get("/api/v1/deals?region=TX", { headers })).status()).toBe(200);

  // A NUL in a path parameter the database would have seen.
  const job = await page.request.get("/api/imports/%00", { headers: { origin: baseURL! } });
  expect(job.status()).toBeGreaterThanOrEqual(400);
  expect(job.status()).toBeLessThan(500);
});

test("pages read bad filters leniently: ?q=%00 renders, and /audit says which filters it ignored", async ({ page }) => {
  await mkdir(SHOTS, { recursive: true });
  await signIn(page, demo.owner);

  for (const [path, heading] of [
    ["/deals?q=%00&region=%00", "Prospects"],
    ["/pipeline?q=%00", "Pipeline"],
    ["/inbox?owner=%00&market=%00&task=%00", "Inbox"],
    ["/outbox?owner=%00&awaiting=reply", "Outbox"],
    ["/settings/compliance?q=%00", "Compliance"],
  ] as const) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto("/audit?from=garbage&page=NaN&to=%00");
    expect(response!.status()).toBe(200);
    // The bad filters are named; a bad page number is simply the first page.
    const notice = page.getByRole("status").filter({ hasText: "Ignored filters that were not valid" });
    await expect(notice).toHaveText("Ignored filters that were not valid: from, to.");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/audit-ignored-filters-${width}.png`, fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => v.id), `axe at ${width}px`).toEqual([]);
  }
});

test("a 2 MB server-action body is a 413 with a clear message, whether its length is declared or streamed", async ({ page, baseURL }) => {
  const body = "x".repeat(TWO_MB);
  const declared = await fetch(`${baseURL}/deals/new`, {
    method: "POST",
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: baseURL! },
    body,
  });
  expect(declared.status).toBe(413);
  expect(await declared.text()).toMatch(/more than 1 MB/);

  const chunks = 32;
  const streamed = await fetch(`${baseURL}/deals/new`, {
    method: "POST",
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: baseURL! },
    body: new ReadableStream({
      start(controller) {
        for (let index = 0; index < chunks; index++) controller.enqueue(new TextEncoder().encode("x".repeat(TWO_MB / chunks)));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
  expect(streamed.status).toBe(413);

  // The real form: the refusal is shown on the form, and what was typed stays.
  await mkdir(SHOTS, { recursive: true });
  await signIn(page, demo.owner);
  await page.goto("/deals/new");
  const street = page.getByLabel("Street");
  await street.evaluate((input, size) => ((input as HTMLInputElement).value = "9".repeat(size)), TWO_MB);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"])),
    page.getByRole("button", { name: "Create deal" }).click(),
  ]);
  expect(answer.status()).toBe(413);
  await expect(page.getByText(/more than 1 MB of data/).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await street.inputValue()).length).toBe(TWO_MB);
  await page.screenshot({ path: `${SHOTS}/action-too-large-1440.png` });
});

test("a CSV with a NUL cell and a stray quote imports the other rows and reports the bad ones", async ({ page }) => {
  const street = `Nulquote${Date.now().toString(36)}`;
  const csv = [
    "Property Address,City,State,Zip,Asking Price",
    `201 ${street} Rd,Memphis,TN,38104,95000`,
    `202 ${street}\u0000 Rd,Memphis,TN,38104,95000`,
    `203 "${street}" Rd,Memphis,TN,38104,95000`,
    `204 ${street} Rd,Memphis,TN,38104,95000`,
  ].join("\n");
  await signIn(page, demo.owner);
  await page.goto("/deals/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "hostile.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByLabel("Field for column Property Address")).toBeVisible();
  await page.getByRole("button", { name: "Import 4 rows" }).click();

  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByText("Import finished")).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText("2 new deals, 0 already known (matched by address), 2 rows skipped for errors.");

  const [download] = await Promise.all([page.waitForEvent("download"), progress.getByRole("link", { name: "Download error report" }).click()]);
  const report = await readFile((await download.path())!, "utf8");
  const lines = report.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^3,/);
  expect(lines[1]).toMatch(/NUL character/);
  expect(lines[2]).toMatch(/^4,/);
  expect(lines[2]).toMatch(/quote inside an unquoted value/);
  expect(report).not.toContain("\u0000");
});
