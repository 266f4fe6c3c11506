import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuyerSettingsInput, DEFAULT_BUYER_SETTINGS, getBuyerSettings, updateBuyerSettings } from "@/lib/buyers/settings";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const actor = { actorId: null, actorEmail: "owner@settings.test", requestId: "req-settings" };

/** The form as a browser posts it: strings, checkboxes present only when ticked. */
const form = (over: Record<string, string> = {}) => ({
  tierAResponseRate: "50", tierACloseRate: "15", tierAVelocityDays: "21",
  tierBResponseRate: "25", tierBCloseRate: "5", tierBVelocityDays: "45",
  tierMinSent: "5", linkTtlDays: "14", coldLiquidityScore: "50", ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  db = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "bs-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("o@bsa.test"))).id);
  other = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "bs-b", name: "B", timeZone: "America/Chicago", country: "US" }, owner("o@bsb.test"))).id);
});
afterAll(() => database.close());

describe("buyer settings", () => {
  it("reads the table's own defaults before anything is saved", async () => {
    expect(await getBuyerSettings(db)).toEqual(DEFAULT_BUYER_SETTINGS);
    // The constant and the schema's column defaults agree.
    const row = await other.buyerSettings.create({ data: {} });
    expect(await getBuyerSettings(other)).toEqual(DEFAULT_BUYER_SETTINGS);
    await other.buyerSettings.delete({ where: { id: row.id } });
  });

  it("parses the form: percentages to fractions, checkboxes to booleans", () => {
    const parsed = BuyerSettingsInput.parse(form({ tierAResponseRate: "62.5%", autoBlastTierA: "on" }));
    expect(parsed).toMatchObject({ tierAResponseRate: 0.625, tierACloseRate: 0.15, autoBlastTierA: true, showStreetToBuyers: false, linkTtlDays: 14 });
  });

  it.each([
    [{ tierAResponseRate: "20" }, "tierAResponseRate", "Tier A response rate cannot be below tier B's"],
    [{ tierACloseRate: "1" }, "tierACloseRate", "Tier A close rate cannot be below tier B's"],
    [{ tierAVelocityDays: "60" }, "tierAVelocityDays", "Tier A closing velocity cannot be slower than tier B's"],
    [{ tierBResponseRate: "120" }, "tierBResponseRate", "Tier B response rate must be at most 100%"],
    [{ linkTtlDays: "0" }, "linkTtlDays", "Link lifetime must be at least 1"],
    [{ tierMinSent: "2.5" }, "tierMinSent", "Deals sent before a tier must be whole deals"],
    [{ coldLiquidityScore: "lots" }, "coldLiquidityScore", "Cold market score must be a number"],
  ])("refuses %o on its field", (over, field, message) => {
    const parsed = BuyerSettingsInput.safeParse(form(over));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([field, message]);
  });

  it("saves with an audit line of what changed, for this workspace only", async () => {
    const saved = await updateBuyerSettings(db, BuyerSettingsInput.parse(form({ tierMinSent: "8", autoBlastTierA: "on" })), actor);
    expect(saved).toEqual({ ...DEFAULT_BUYER_SETTINGS, tierMinSent: 8, autoBlastTierA: true });
    expect(await getBuyerSettings(db)).toEqual(saved);
    expect(await getBuyerSettings(other)).toEqual(DEFAULT_BUYER_SETTINGS);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "buyer-settings.updated" } });
    expect(audit.before).toMatchObject({ tierMinSent: 5, autoBlastTierA: false });
    expect(audit.after).toMatchObject({ tierMinSent: 8, autoBlastTierA: true });
    expect(Object.keys(audit.after as object).filter((k) => !k.startsWith("$")).sort()).toEqual(["autoBlastTierA", "tierMinSent"]);
  });
});
