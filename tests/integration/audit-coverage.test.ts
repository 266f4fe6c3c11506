import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/apikeys/service";
import type { AuditContext } from "@/lib/audit/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { runEngineNow } from "@/lib/engines/overview";
import { setEnginePaused } from "@/lib/engines/service";
import type { ColumnMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
import { assignTasks, completeTask } from "@/lib/ladder/inbox";
import { startLadders, stopLadderByHand } from "@/lib/ladder/lifecycle";
import { saveLadderTemplate } from "@/lib/ladder/templates";
import { addDoNotContact, changeConsent, removeDoNotContact, unsubscribeEmail } from "@/lib/outbound/consent";
import { updateComplianceSettings } from "@/lib/outbound/settings";
import { DEFAULT_RULES, seedMarketPolicies, upsertMarketPolicy } from "@/lib/policy";
import { acceptInvitation, inviteMember, revokeInvitation } from "@/lib/tenants/invitations";
import { rotateInboundEmailSecret, saveIntegrations } from "@/lib/tenants/integrations";
import { changeMemberRole, removeMember, type Acting } from "@/lib/tenants/members";
import { updateTenantProfile } from "@/lib/tenants/profile";
import { provisionTenant } from "@/lib/tenants/provision";
import { InviteMemberInput } from "@/lib/tenants/schema";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { openAuditEvents } from "@/lib/audit/sealing";
import { createTestDatabase } from "../helpers/db";

// Every audited change writes exactly ONE AuditEvent naming its action, actor and entity.
// Each row of the table prepares what the change needs (not measured), then runs the
// change and says which event it expects.

let database: Database;
let db: TenantDb;
let tenantId: string;
let owner: Acting;
let vaUserId: string;
let phoneSeq = 100;
const tag = randomBytes(4).toString("hex");

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const roles = ["owner", "admin", "va", "va", "viewer"] as const;
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `audit-${tag}`, name: "Audit Homes", timeZone: "America/Toronto", country: "CA" },
    roles.map((role, i) => ({ email: `${role}${i}-${tag}@example.test`, name: `${role} ${i}`, password: "correct horse battery", role })),
  );
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenantId);
  const memberships = await database.prisma.membership.findMany({ where: { tenantId }, include: { user: true } });
  const ownerRow = memberships.find((m) => m.role === "owner")!;
  owner = { actorId: ownerRow.userId, actorEmail: ownerRow.user.email, role: "owner", requestId: "req-audit" };
  vaUserId = memberships.find((m) => m.role === "va")!.userId;
});
afterAll(() => database.close());

const ctx = (): AuditContext => ({ actorId: owner.actorId, actorEmail: owner.actorEmail, requestId: `req-${randomBytes(4).toString("hex")}` });

async function makeLead() {
  const phone = `+1416555${String(phoneSeq++).padStart(4, "0")}`;
  return db.deal.create({
    data: {
      source: "MANUAL", addressKey: `K-${phone}`, raw: {}, street: "12 Elm St", city: "Toronto", region: "ON", market: "TORONTO",
      timeZone: "America/Toronto", country: "CA", score: 80, contactName: "Dana Seller", contactPhone: phone, ownerId: vaUserId,
    } as never,
  });
}

async function openTask() {
  const deal = await makeLead();
  return db.followUpTask.create({ data: { dealId: deal.id, step: 2, channel: "CALL", dueAt: new Date() } as never });
}

async function membershipOf(role: "va" | "viewer", index = 0) {
  const rows = await db.membership.findMany({ where: { role }, orderBy: { createdAt: "asc" }, include: { user: true } });
  return rows[index];
}

const MAPPING: ColumnMapping = [
  { header: "Address", field: "street" },
  { header: "City", field: "city" },
  { header: "State", field: "region" },
  { header: "Zip", field: "postalCode" },
];

const NOW = new Date("2026-03-02T14:00:00Z");

interface Expected {
  action: string;
  entity: string;
  entityId: string | null;
  /** Defaults to the owner acting through `ctx()`. */
  actorId?: string | null;
  actorEmail?: string | null;
}

interface Case {
  name: string;
  /** Runs the change (after any preparation of its own) and returns the expected event. */
  run: (measure: <T>(change: () => Promise<T>) => Promise<T>) => Promise<Expected>;
}

const cases: Case[] = [
  {
    name: "createApiKey",
    run: async (measure) => {
      const { record } = await measure(() => createApiKey(db, { name: "Zapier", scopes: ["deals:read"] }, ctx()));
      return { action: "api_key.created", entity: "ApiKey", entityId: record.id };
    },
  },
  {
    name: "revokeApiKey",
    run: async (measure) => {
      const { record } = await createApiKey(db, { name: "Old key", scopes: ["deals:read"] }, ctx());
      await measure(() => revokeApiKey(db, record.id, ctx()));
      return { action: "api_key.revoked", entity: "ApiKey", entityId: record.id };
    },
  },
  {
    name: "startLadders (by hand)",
    run: async (measure) => {
      const deal = await makeLead();
      const [started] = await measure(() => startLadders(db, [deal.id], { now: NOW, trigger: "manual", enqueue: true, actorId: owner.actorId, audit: ctx() }));
      expect(started.status).toBe("started");
      return { action: "ladder.started", entity: "FollowUpLadder", entityId: (started as { ladderId: string }).ladderId };
    },
  },
  {
    name: "stopLadderByHand",
    run: async (measure) => {
      const deal = await makeLead();
      await startLadders(db, [deal.id], { now: NOW, trigger: "manual", enqueue: true });
      const stopped = await measure(() => stopLadderByHand(db, { dealId: deal.id, reason: "seller asked" }, ctx()));
      expect(stopped.stopped).toBe(true);
      return { action: "ladder.stopped", entity: "FollowUpLadder", entityId: (stopped as { ladderId: string }).ladderId };
    },
  },
  {
    name: "saveLadderTemplate (first save)",
    run: async (measure) => {
      const steps = [{ channel: "CALL", delayMinutes: 0 }, { channel: "SMS", delayMinutes: 60, template: "Hi {{firstName}}" }];
      const first = await measure(() => saveLadderTemplate(db, { steps, reason: "Shorter ladder" } as never, ctx()));
      expect(first).toBeTruthy();
      return { action: "ladder_template.created", entity: "LadderTemplate", entityId: (await db.ladderTemplate.findFirstOrThrow()).id };
    },
  },
  {
    name: "saveLadderTemplate (edit)",
    run: async (measure) => {
      const steps = [{ channel: "CALL", delayMinutes: 0 }];
      await measure(() => saveLadderTemplate(db, { steps, reason: "Calls only" } as never, ctx()));
      return { action: "ladder_template.updated", entity: "LadderTemplate", entityId: (await db.ladderTemplate.findFirstOrThrow()).id };
    },
  },
  {
    name: "completeTask (done)",
    run: async (measure) => {
      const task = await openTask();
      // Confirmed, so the call may be logged whatever the lead's hour when the test runs.
      await measure(() => completeTask(db, { taskId: task.id, outcome: "no_answer", outsideHoursConfirmed: true }, ctx()));
      return { action: "followup.completed", entity: "FollowUpTask", entityId: task.id };
    },
  },
  {
    name: "completeTask (skipped)",
    run: async (measure) => {
      const task = await openTask();
      await measure(() => completeTask(db, { taskId: task.id, resolution: "skipped", outcome: "wrong_number" }, ctx()));
      return { action: "followup.skipped", entity: "FollowUpTask", entityId: task.id };
    },
  },
  {
    name: "assignTasks",
    run: async (measure) => {
      const task = await openTask();
      await measure(() => assignTasks(db, { taskIds: [task.id], ownerId: vaUserId }, ctx()));
      return { action: "followup.assigned", entity: "FollowUpTask", entityId: null };
    },
  },
  {
    name: "inviteMember",
    run: async (measure) => {
      const { invitation } = await measure(() => inviteMember(db, InviteMemberInput.parse({ email: `new-${tag}@example.test`, role: "va" }), owner));
      return { action: "member.invited", entity: "Invitation", entityId: invitation.id };
    },
  },
  {
    name: "revokeInvitation",
    run: async (measure) => {
      const { invitation } = await inviteMember(db, InviteMemberInput.parse({ email: `revoked-${tag}@example.test`, role: "va" }), owner);
      await measure(() => revokeInvitation(db, invitation.id, owner));
      return { action: "invitation.revoked", entity: "Invitation", entityId: invitation.id };
    },
  },
  {
    name: "acceptInvitation",
    run: async (measure) => {
      const email = `joiner-${tag}@example.test`;
      const { token } = await inviteMember(db, InviteMemberInput.parse({ email, role: "investor" }), owner);
      const accepted = await measure(() => acceptInvitation(database.prisma, { token, password: "correct horse battery", name: "Joiner" } as never, { requestId: "req-accept" }));
      const membership = await db.membership.findFirstOrThrow({ where: { userId: accepted.userId } });
      return { action: "invitation.accepted", entity: "Membership", entityId: membership.id, actorId: accepted.userId, actorEmail: email };
    },
  },
  {
    name: "changeMemberRole",
    run: async (measure) => {
      const va = await membershipOf("va", 1);
      await measure(() => changeMemberRole(db, { membershipId: va.id, role: "investor" }, owner));
      return { action: "member.role_changed", entity: "Membership", entityId: va.id };
    },
  },
  {
    name: "removeMember",
    run: async (measure) => {
      const viewer = await membershipOf("viewer");
      await measure(() => removeMember(db, viewer.id, owner));
      return { action: "member.removed", entity: "Membership", entityId: viewer.id };
    },
  },
  {
    name: "updateTenantProfile",
    run: async (measure) => {
      await measure(() => updateTenantProfile(db, { name: "Audit Homes Ltd", timeZone: "America/Toronto", country: "CA" }, ctx()));
      return { action: "tenant.updated", entity: "Tenant", entityId: tenantId };
    },
  },
  {
    name: "saveIntegrations",
    run: async (measure) => {
      await measure(() => saveIntegrations(db, { gmailLabel: "Deals", spreadAlertThreshold: 20_000 }, ctx()));
      return { action: "integrations.updated", entity: "Tenant", entityId: tenantId };
    },
  },
  {
    name: "rotateInboundEmailSecret",
    run: async (measure) => {
      await measure(() => rotateInboundEmailSecret(db, ctx()));
      return { action: "integrations.inbound_secret_rotated", entity: "Tenant", entityId: tenantId };
    },
  },
  {
    name: "updateComplianceSettings",
    run: async (measure) => {
      const input = { postalAddress: "1 Main Street, Toronto, ON M5V 1A1", outboundDailyCapSms: 200, outboundDailyCapEmail: 300 };
      await measure(() => updateComplianceSettings(db, input, ctx()));
      return { action: "compliance.settings_updated", entity: "Tenant", entityId: tenantId };
    },
  },
  {
    name: "changeConsent",
    run: async (measure) => {
      await measure(() => changeConsent(db, { channel: "SMS", address: "+14165550199", status: "OPTED_OUT", reason: "Asked on the phone" }, ctx()));
      return { action: "consent.changed", entity: "ContactConsent", entityId: "SMS:+14165550199" };
    },
  },
  {
    name: "unsubscribeEmail (the link, no signed-in actor)",
    run: async (measure) => {
      const email = `lead-${tag}@example.test`;
      await measure(() => unsubscribeEmail(db, email));
      return { action: "consent.unsubscribed", entity: "ContactConsent", entityId: `EMAIL:${email}`, actorId: null, actorEmail: email };
    },
  },
  {
    name: "addDoNotContact",
    run: async (measure) => {
      const row = await measure(() => addDoNotContact(db, { value: "+14165550123", reason: "Lawyer's letter" }, ctx()));
      return { action: "do_not_contact.added", entity: "DoNotContact", entityId: row.id };
    },
  },
  {
    name: "removeDoNotContact",
    run: async (measure) => {
      const row = await addDoNotContact(db, { value: "+14165550124", reason: "Entered by mistake" }, ctx());
      await measure(() => removeDoNotContact(db, { id: row.id, reason: "Wrong number entered" }, ctx()));
      return { action: "do_not_contact.removed", entity: "DoNotContact", entityId: row.id };
    },
  },
  {
    name: "upsertMarketPolicy (create)",
    run: async (measure) => {
      const saved = await measure(() => upsertMarketPolicy(db, { region: "ON", market: "OTTAWA", enabled: true, rules: DEFAULT_RULES, reason: "Ottawa opens" }, ctx()));
      const row = await db.marketPolicy.findFirstOrThrow({ where: { region: "ON", market: "OTTAWA" } });
      expect(saved.region).toBe("ON");
      return { action: "market_policy.created", entity: "MarketPolicy", entityId: row.id };
    },
  },
  {
    name: "upsertMarketPolicy (update)",
    run: async (measure) => {
      await measure(() => upsertMarketPolicy(db, { region: "ON", market: "OTTAWA", enabled: false, rules: DEFAULT_RULES, reason: "Ottawa paused" }, ctx()));
      const row = await db.marketPolicy.findFirstOrThrow({ where: { region: "ON", market: "OTTAWA" } });
      return { action: "market_policy.updated", entity: "MarketPolicy", entityId: row.id };
    },
  },
  {
    name: "seedMarketPolicies (when defaults are missing)",
    run: async (measure) => {
      await db.marketPolicy.deleteMany({ where: { region: "NU", market: "ALL" } });
      const seeded = await measure(() => seedMarketPolicies(db, ctx()));
      expect(seeded.created).toBeGreaterThan(0);
      return { action: "market_policy.seeded", entity: "MarketPolicy", entityId: null };
    },
  },
  {
    name: "upsertOfferPolicy (create)",
    run: async (measure) => {
      const input = { region: "ON", market: "OTTAWA", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "Ottawa terms" };
      const row = await measure(() => upsertOfferPolicy(db, input, ctx()));
      return { action: "offer_policy.created", entity: "OfferPolicy", entityId: row.id };
    },
  },
  {
    name: "upsertOfferPolicy (update)",
    run: async (measure) => {
      const input = { region: "ON", market: "OTTAWA", enabled: true, maxArvMultiplier: 0.68, assignmentFee: 12_000, feesBuffer: 2_500, reason: "Tighter in Ottawa" };
      const row = await measure(() => upsertOfferPolicy(db, input, ctx()));
      return { action: "offer_policy.updated", entity: "OfferPolicy", entityId: row.id };
    },
  },
  {
    name: "setEnginePaused (pause)",
    run: async (measure) => {
      await measure(() => setEnginePaused(db, "underwriting", true, ctx()));
      return { action: "engine.paused", entity: "engine", entityId: "underwriting" };
    },
  },
  {
    name: "setEnginePaused (resume)",
    run: async (measure) => {
      await measure(() => setEnginePaused(db, "underwriting", false, ctx()));
      return { action: "engine.resumed", entity: "engine", entityId: "underwriting" };
    },
  },
  {
    name: "runEngineNow",
    run: async (measure) => {
      await measure(() => runEngineNow(db, "underwriting", ctx()));
      return { action: "engine.run_now", entity: "engine", entityId: "underwriting" };
    },
  },
  {
    name: "runImport (done)",
    run: async (measure) => {
      const job = await createImportJob(db, { fileName: "leads.csv", mapping: MAPPING, totalRows: 1 }, ctx());
      const csv = "Address,City,State,Zip\n44 Queen Street,Toronto,ON,M5H 2N2\n";
      const done = await measure(() => runImport(db, job.id, Readable.from([csv]), { actor: ctx() }));
      expect(done.status).toBe("DONE");
      return { action: "deals.imported", entity: "ImportJob", entityId: job.id };
    },
  },
  {
    name: "runImport (failed)",
    run: async (measure) => {
      const job = await createImportJob(db, { fileName: "broken.csv", mapping: MAPPING, totalRows: 1 }, ctx());
      const failed = await measure(() => runImport(db, job.id, Readable.from(["Address,City\n1 A St,Springfield\n"]), { actor: ctx() }));
      expect(failed.status).toBe("FAILED");
      return { action: "deals.import_failed", entity: "ImportJob", entityId: job.id };
    },
  },
];

describe("every audited change writes exactly one AuditEvent", () => {
  // Sequential on purpose: some rows build on the previous one (create, then update).
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, testCase) => {
    let added: Awaited<ReturnType<typeof db.auditEvent.findMany>> = [];
    const measure = async <T,>(change: () => Promise<T>): Promise<T> => {
      const before = new Set((await db.auditEvent.findMany({ select: { id: true } })).map((e) => e.id));
      const result = await change();
      // As the audit log shows it: a contact's sealed fields opened with their key.
      added = await openAuditEvents(db, (await db.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).filter((e) => !before.has(e.id)));
      return result;
    };
    const expected = await testCase.run(measure);
    expect(added.map((e) => e.action), "audit events written by the change").toEqual([expected.action]);
    const [event] = added;
    expect(event).toMatchObject({
      tenantId,
      action: expected.action,
      entity: expected.entity,
      entityId: expected.entityId,
      actorId: expected.actorId === undefined ? owner.actorId : expected.actorId,
      actorEmail: expected.actorEmail === undefined ? owner.actorEmail : expected.actorEmail,
    });
    if (expected.actorId === undefined) expect(event.requestId).toMatch(/^req-/);
  });
});
