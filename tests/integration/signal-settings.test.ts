import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getSignalSettings } from "@/app/api/v1/signals/settings/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { summarizeEnrichmentMonth } from "@/lib/enrichment/summary";
import { saveIntentSettings } from "@/lib/signals/settings";
import { DEFAULT_INTENT_CONFIG } from "@/lib/signals/settings-schema";
import { IntentSettingsFormInput, nestSettingsForm } from "@/lib/signals/settings-form";
import { SIGNAL_TYPES } from "@/lib/signals/types";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let readKey: string;
let otherKey: string;
const actor = { actorId: null, actorEmail: "owner@signals.test", requestId: "req-signals" };

/** The settings form as a browser posts it: flat dotted names, strings, the budget in dollars. */
function form(over: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {
    highIntentThreshold: "70",
    emailDailyLimitPerPerson: "1",
    enrichmentMonthlyCapDollars: "0.50",
    "drafting.lead.subject": DEFAULT_INTENT_CONFIG.drafting.lead.subject,
    "drafting.lead.body": DEFAULT_INTENT_CONFIG.drafting.lead.body,
    "drafting.buyer.subject": DEFAULT_INTENT_CONFIG.drafting.buyer.subject,
    "drafting.buyer.body": DEFAULT_INTENT_CONFIG.drafting.buyer.body,
    "drafting.prompt": DEFAULT_INTENT_CONFIG.drafting.prompt,
  };
  for (const type of SIGNAL_TYPES) {
    fields[`weights.${type}`] = String(DEFAULT_INTENT_CONFIG.weights[type]);
    fields[`halfLifeHours.${type}`] = String(DEFAULT_INTENT_CONFIG.halfLifeHours[type]);
  }
  return { ...fields, ...over };
}

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: "sig-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("o@siga.test"));
  const b = await provisionTenant(database.prisma, { slug: "sig-b", name: "B", timeZone: "America/Chicago", country: "US" }, owner("o@sigb.test"));
  db = scopeToTenant(database.prisma, a.id);
  readKey = (await createApiKey(db, { name: "reader", scopes: ["signals:read"] }, actor)).key;
  otherKey = (await createApiKey(db, { name: "buyers", scopes: ["buyers:read"] }, actor)).key;
  await saveIntentSettings(scopeToTenant(database.prisma, b.id), { ...DEFAULT_INTENT_CONFIG, highIntentThreshold: 99 }, actor);
});
afterAll(() => database.close());

describe("the settings form's input", () => {
  it("nests the dotted fields and turns the dollar budget into cents", () => {
    const parsed = IntentSettingsFormInput.parse(form({ "weights.sms_reply": "35", enrichmentMonthlyCapDollars: "$1.29", highIntentThreshold: "65" }));
    expect(parsed.weights.sms_reply).toBe(35);
    expect(parsed.enrichmentMonthlyCapCents).toBe(129);
    expect(parsed.highIntentThreshold).toBe(65);
    expect(parsed.drafting.lead.subject).toBe(DEFAULT_INTENT_CONFIG.drafting.lead.subject);
  });

  it.each([
    [{ "weights.email_open": "-1" }, "weights.email_open", "Points cannot be negative"],
    [{ "halfLifeHours.sms_reply": "0" }, "halfLifeHours.sms_reply", "A half-life is more than 0 hours"],
    [{ highIntentThreshold: "101" }, "highIntentThreshold", "At most 100"],
    [{ highIntentThreshold: "" }, "highIntentThreshold", "Enter the threshold"],
    [{ enrichmentMonthlyCapDollars: "0.555" }, "enrichmentMonthlyCapCents", "Whole cents"],
    [{ enrichmentMonthlyCapDollars: "lots" }, "enrichmentMonthlyCapCents", "Enter the budget"],
    [{ "drafting.lead.body": "Hi {{first_name}}, call me." }, "drafting.lead.body", "Keep {{postal_address}} and {{unsubscribe_link}} in the footer"],
  ])("refuses %o on its field", (over, field, message) => {
    const parsed = IntentSettingsFormInput.safeParse(form(over));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([field, message]);
  });

  it("ignores prototype keys", () => {
    nestSettingsForm({ "__proto__.polluted": "yes", "constructor.prototype.polluted": "yes" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("GET /api/v1/signals/settings", () => {
  it("needs the signals:read scope", async () => {
    expect((await callRoute(getSignalSettings, "/api/v1/signals/settings")).status).toBe(401);
    expect((await callRoute(getSignalSettings, "/api/v1/signals/settings", { key: otherKey })).status).toBe(403);
  });

  it("answers the version in force, this workspace's only", async () => {
    const defaults = await (await callRoute(getSignalSettings, "/api/v1/signals/settings", { key: readKey })).json();
    expect(defaults).toMatchObject({ version: 0, source: "default", highIntentThreshold: 70, enrichmentMonthlyCapCents: 50 });
    await saveIntentSettings(db, IntentSettingsFormInput.parse(form({ highIntentThreshold: "60" })), actor);
    const saved = await (await callRoute(getSignalSettings, "/api/v1/signals/settings", { key: readKey })).json();
    expect(saved).toMatchObject({ version: 1, source: "settings", highIntentThreshold: 60 });
    expect(saved.weights.sms_reply).toBe(DEFAULT_INTENT_CONFIG.weights.sms_reply);
  });

  it("is in the OpenAPI document", async () => {
    const doc = await (await callRoute(getOpenApi, "/api/v1/openapi.json")).json();
    expect(doc.paths["/api/v1/signals/settings"].get).toBeDefined();
    expect(doc.paths["/api/v1/signals/settings"].put).toBeUndefined();
  });
});

describe("the month's enrichment summary", () => {
  it("counts lookups, spend and people at the cap, this month only", async () => {
    const deal = (key: string) => db.deal.create({ data: { source: "CSV", addressKey: key, raw: {} } });
    const [a, b] = [await deal("sum-a"), await deal("sum-b")];
    const now = new Date("2026-12-15T00:00:00Z");
    await db.enrichmentCall.createMany({
      data: [
        { dealId: a.id, provider: "batchdata", month: "2026-12", costCents: 25, status: "FOUND" },
        { dealId: a.id, provider: "batchdata", month: "2026-12", costCents: 25, status: "NOT_FOUND" },
        { dealId: a.id, provider: "batchdata", month: "2026-12", costCents: 0, status: "OVER_BUDGET" },
        { dealId: b.id, provider: "batchdata", month: "2026-12", costCents: 20, status: "FOUND" },
        { dealId: b.id, provider: "batchdata", month: "2026-11", costCents: 40, status: "FOUND" },
      ],
    });
    expect(await summarizeEnrichmentMonth(db, 50, now)).toEqual({ month: "2026-12", calls: 3, refused: 1, spentCents: 70, peopleAtCap: 1 });
  });
});
