import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../helpers/csv";
import { demo, expectNoAxeViolations, screenshotsTo, signIn } from "./support";

const shot = screenshotsTo("/tmp/shots-e");

test("exports every deal of the current filter with the visible columns", async ({ page }) => {
  await signIn(page, demo.owner);
  // A filter that spans more than one page, phone column hidden along with the defaults.
  await page.goto("/deals?status=UNDERWRITTEN&pageSize=10&cols=intent,mao,phone,source");
  const button = page.getByRole("button", { name: /^Export all [\d,]+ deals?$/ });
  await expect(button).toBeVisible();
  const total = Number((await button.innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThan(10);
  await shot(page, "prospects-export");
  await expectNoAxeViolations(page, "prospects with the export button");

  const downloading = page.waitForEvent("download");
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^deals-demo-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parseCsv(await readFile((await download.path())!, "utf8"));

  // Every match, not just the page of 10; the visible columns only.
  expect(rows).toHaveLength(total);
  expect(header.slice(0, 7)).toEqual(["id", "street", "unit", "city", "region", "postal_code", "country"]);
  expect(header).toContain("status");
  expect(header).toContain("spread");
  expect(header).not.toContain("contact_phone");
  expect(header).not.toContain("mao");
  const status = header.indexOf("status");
  expect(rows.every((row) => row[status] === "UNDERWRITTEN")).toBe(true);
  expect(new Set(rows.map((row) => row[0])).size).toBe(total);
  // Numbers that would start a formula (a negative spread) are kept as text.
  const spread = header.indexOf("spread");
  expect(rows.every((row) => !/^[=+\-@]/.test(row[spread]))).toBe(true);
});

test("a viewer cannot export the filter", async ({ page }) => {
  await signIn(page, demo.viewer);
  await page.goto("/deals");
  await expect(page.getByRole("heading", { name: "Prospects" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Export all/ })).toHaveCount(0);
  const response = await page.request.get("/api/prospects/export");
  expect(response.status()).toBe(403);
});
