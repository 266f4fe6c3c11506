import { expect, test } from "@playwright/test";
import { demo, signIn, uniqueEmail } from "./support";

test("a viewer's forged requests to admin actions are refused by the server", async ({ page }) => {
  await signIn(page, demo.viewer);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" })).toHaveCount(0);

  const invite = await page.request.post("/api/tenant/invitations", { data: { email: uniqueEmail("forged"), role: "owner" } });
  expect(invite.status()).toBe(403);
  expect((await invite.json()).error).toMatch(/role does not allow/);

  const profile = await page.request.patch("/api/tenant", { data: { name: "Hijacked", timeZone: "UTC", country: "US" } });
  expect(profile.status()).toBe(403);

  const members = await page.request.get("/api/tenant/members");
  expect(members.status()).toBe(403);

  // Nothing changed.
  await page.context().clearCookies();
  await signIn(page, demo.owner);
  await expect(page.getByText("Maple & Main Investments", { exact: false }).first()).toBeVisible();
  await page.goto("/audit?action=invited");
  await expect(page.getByText(/forged/)).toHaveCount(0);
});

test("routes answer 422 with the field and reason for bad input, and 401 when signed out", async ({ page, request }) => {
  const anonymous = await request.post("/api/tenant/invitations", { data: { email: "x@example.com", role: "va" } });
  expect(anonymous.status()).toBe(401);

  await signIn(page, demo.admin);
  const bad = await page.request.post("/api/tenant/invitations", { data: { email: "nope", role: "boss" } });
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["email", "role"]);

  const notJson = await page.request.post("/api/tenant/invitations", { headers: { "content-type": "application/json" }, data: "{oops" });
  expect(notJson.status()).toBe(400);

  const ownerByAdmin = await page.request.post("/api/tenant/invitations", { data: { email: uniqueEmail("o"), role: "owner" } });
  expect(ownerByAdmin.status()).toBe(403);
});

test("health, detailed health and metrics answer, with a request id", async ({ request }) => {
  const health = await request.get("/api/health", { headers: { "x-request-id": "e2e-trace-0001" } });
  expect(health.headers()["x-request-id"]).toBe("e2e-trace-0001");
  const detailed = await (await request.get("/api/health/detailed")).json();
  expect(detailed.checks.database.status).toBe("ok");
  expect(detailed.checks.migrations.status).toBe("ok");
  // Offline here: no Inngest is configured, so the app runs its background jobs itself.
  expect(detailed.checks.executor).toMatchObject({ status: "ok", kind: "embedded" });
  const metrics = await (await request.get("/api/metrics")).text();
  expect(metrics).toContain('http_request_duration_seconds_bucket{le="0.005",service="dealflow",route="/api/health"');
  expect(metrics).toContain("process_cpu_user_seconds_total");
});
