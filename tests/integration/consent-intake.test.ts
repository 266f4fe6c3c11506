import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createDeal } from "@/lib/deals/create";
import { DealCreateInput } from "@/lib/deals/schema";
import { changeConsent } from "@/lib/outbound/consent";
import { consentsOfLead } from "@/lib/outbound/consent-api";
import { ConsentChangeInput } from "@/lib/outbound/schema";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let ctx: { actorId: string; actorEmail: string; requestId: string };
let street = 10;

const WORDING = "I agree to receive texts about my property. Reply STOP to opt out.";
const newDeal = (extra: Record<string, unknown>) =>
  createDeal(db, ctx, DealCreateInput.parse({ street: `${street++} Beale St`, city: "Memphis", region: "TN", postalCode: "38103", askingPrice: "90000", ...extra }));

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(
    database.prisma,
    { slug: "consent-intake", name: "Consent Intake", timeZone: "America/Chicago", country: "US" },
    [{ email: "owner@consent-intake.test", name: "Olive Owner", password: "a-long-password-1", role: "owner" }],
  );
  db = scopeToTenant(database.prisma, tenant.id);
  const owner = await database.prisma.user.findFirstOrThrow({ where: { email: "owner@consent-intake.test" } });
  ctx = { actorId: owner.id, actorEmail: owner.email, requestId: "req-intake" };
});
afterAll(() => database.close());

describe("the basis of consent taken by hand", () => {
  it("a deal entered with consent to written words records prior express written consent and its evidence", async () => {
    const { id } = await newDeal({
      contactPhone: "(901) 555-0111", contactEmail: "dana@example.com",
      consentGiven: "yes", consentSource: "Web form", consentWording: WORDING, consentEvidence: "203.0.113.7",
    });
    const deal = await db.deal.findFirstOrThrow({ where: { id } });
    const records = await consentsOfLead(db, { phone: deal.contactPhone, email: deal.contactEmail });
    expect(records.map((r) => [r.channel, r.status, r.basis, r.evidence, r.wording])).toEqual([
      ["SMS", "OPTED_IN", "PRIOR_EXPRESS_WRITTEN", "203.0.113.7", WORDING],
      ["EMAIL", "OPTED_IN", "PRIOR_EXPRESS_WRITTEN", "203.0.113.7", WORDING],
    ]);
  });

  it("the basis chosen on the form wins; prior express written without words is refused on the wording field", async () => {
    const { id } = await newDeal({ contactPhone: "(901) 555-0112", consentGiven: "yes", consentSource: "Past client", consentWording: WORDING, consentBasis: "ESTABLISHED_RELATIONSHIP" });
    const deal = await db.deal.findFirstOrThrow({ where: { id } });
    expect((await consentsOfLead(db, { phone: deal.contactPhone }))[0]).toMatchObject({ basis: "ESTABLISHED_RELATIONSHIP" });

    const refused = DealCreateInput.safeParse({ street: "1 Beale St", city: "Memphis", region: "TN", consentGiven: "yes", consentSource: "Letter", consentBasis: "PRIOR_EXPRESS_WRITTEN" });
    expect(refused.success ? [] : refused.error.issues.map((issue) => issue.path.join("."))).toEqual(["consentWording"]);
  });

  it("a manual opt-in on the compliance page records the basis and evidence; an opt-out has none and keeps the words", async () => {
    const address = "+19015550113";
    const optIn = await changeConsent(db, { channel: "SMS", address, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", wording: WORDING, evidence: "letter-2026-03-01.pdf", reason: "Signed letter" }, ctx);
    expect(optIn).toMatchObject({ status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN" });
    expect(await db.contactConsent.findFirstOrThrow({ where: { address } })).toMatchObject({ basis: "PRIOR_EXPRESS_WRITTEN", evidence: "letter-2026-03-01.pdf", wording: WORDING });

    await changeConsent(db, { channel: "SMS", address, status: "OPTED_OUT", reason: "Asked on the phone" }, ctx);
    expect(await db.contactConsent.findFirstOrThrow({ where: { address } })).toMatchObject({ status: "OPTED_OUT", basis: "NONE", wording: WORDING });

    await changeConsent(db, { channel: "SMS", address, status: "OPTED_IN", reason: "Said yes on the phone" }, ctx);
    expect(await db.contactConsent.findFirstOrThrow({ where: { address } })).toMatchObject({ status: "OPTED_IN", basis: "NONE", wording: null });

    const unwritten = ConsentChangeInput.safeParse({ channel: "SMS", address, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", reason: "Signed" });
    expect(unwritten.success ? [] : unwritten.error.issues.map((issue) => issue.path.join("."))).toEqual(["wording"]);
    expect(await db.auditEvent.count({ where: { action: "consent.changed" } })).toBe(3);
  });
});
