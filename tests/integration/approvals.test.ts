import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftOnHighIntent } from "@/inngest/functions/drafting";
import { EVENTS } from "@/lib/events/catalog";
import { jobForEvent, jobHandler } from "@/lib/runtime/handlers";
import { approveDraft, editDraft, proposeDraft, rejectDraft } from "@/lib/approvals/service";
import { getApprovalDetail, listApprovalQueue } from "@/lib/approvals/queries";
import { draftForHighIntent, runDraftingSweep } from "@/lib/approvals/drafting";
import type { AuditContext } from "@/lib/audit/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ENGINES } from "@/lib/engines/registry";
import { ExpectedError } from "@/lib/errors";
import type { OutboundDeps } from "@/lib/outbound";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { templateDrafter } from "@/lib/providers/drafting";
import { recordSignals } from "@/lib/signals/service";
import { saveIntentSettings } from "@/lib/signals/settings";
import { DEFAULT_INTENT_CONFIG } from "@/lib/signals/settings-schema";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let approver: AuditContext & { actorId: string };
// Tuesday 2026-03-10 15:00 in New York: inside the default contact window.
const OPEN = new Date("2026-03-10T19:00:00Z");
const deps: OutboundDeps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: "https://app.example.test", secret: "test-secret-0123456789abcdef" };
let counter = 0;

async function makeLead(options: { consent?: "OPTED_IN" | "OPTED_OUT" | null; email?: string | null; signals?: number; at?: Date } = {}) {
  counter += 1;
  const email = options.email === undefined ? `seller${counter}@example.com` : options.email;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `A-${counter}`, raw: {}, street: `${counter} Elm St`, city: "New York", region: "NY", market: "NEW YORK", postalCode: "10001", country: "US",
      timeZone: "America/New_York", score: 80, askingPrice: 300_000, arv: 420_000, contactName: `Pat Seller${counter}`, contactEmail: email,
    } as never,
  });
  const consent = options.consent === undefined ? "OPTED_IN" : options.consent;
  if (email && consent) await db.contactConsent.create({ data: { channel: "EMAIL", address: email, status: consent, basis: consent === "OPTED_IN" ? "PRIOR_EXPRESS_WRITTEN" : undefined, source: "import" } as never });
  const n = options.signals ?? 3;
  if (n > 0) {
    await recordSignals(
      db,
      Array.from({ length: n }, (_, i) => ({ subject: { kind: "lead" as const, dealId: deal.id }, type: i % 2 ? ("email_reply" as const) : ("sms_reply" as const), source: "sms" as const, occurredAt: new Date((options.at ?? OPEN).getTime() - (i + 1) * 3_600_000), dedupeKey: `sig-${deal.id}-${i}` })),
      { now: options.at ?? OPEN },
    );
  }
  return deal;
}

const lead = (dealId: string) => ({ kind: "lead" as const, dealId });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "approvals", name: "Acme Homes", timeZone: "America/New_York", country: "US" }, [
    { email: "owner@approvals.test", name: "Olive Owner", password: "a-long-password-1", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  await db.tenant.update({ where: { id: tenant.id }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207" } as never } });
  const owner = await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@approvals.test" } });
  approver = { actorId: owner.id, actorEmail: owner.email, requestId: "req-approvals" };
});
afterAll(() => database.close());

describe("proposeDraft", () => {
  it("drafts for a lead over the threshold with email consent, and audits the proposal", async () => {
    const deal = await makeLead();
    const result = await proposeDraft(db, lead(deal.id), { now: OPEN, drafter: templateDrafter });
    expect(result.status).toBe("PROPOSED");
    if (result.status !== "PROPOSED") return;
    const draft = await db.emailDraft.findUniqueOrThrow({ where: { id: result.draftId } });
    expect(draft).toMatchObject({ status: "PENDING", dealId: deal.id, buyerId: null, toAddress: deal.contactEmail, drafter: "template", settingsVersion: 0, prompt: null });
    expect(draft.intentScore).toBeGreaterThanOrEqual(70);
    expect(draft.subject).toBe(`About ${deal.street}`);
    expect(draft.body).toContain("Hi Pat,");
    expect(draft.body).toContain("Acme Homes, {{postal_address}}");
    expect(draft.proposedBody).toBe(draft.body);
    expect(draft.confidence).toBeGreaterThan(0);
    expect((draft.reasoning as { signals: unknown[] }).signals.length).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "draft.proposed", entityId: draft.id } })).toBe(1);
  });

  it("skips below the threshold, without consent, opted out, on do-not-contact, with no email, and for a missing lead", async () => {
    const low = await makeLead({ signals: 1 });
    expect(await proposeDraft(db, lead(low.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "below_threshold" });
    const noConsent = await makeLead({ consent: null });
    expect(await proposeDraft(db, lead(noConsent.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "no_consent" });
    const optedOut = await makeLead({ consent: "OPTED_OUT" });
    expect(await proposeDraft(db, lead(optedOut.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "opted_out" });
    const listed = await makeLead();
    await db.doNotContact.create({ data: { value: listed.contactEmail!, reason: "asked" } as never });
    expect(await proposeDraft(db, lead(listed.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "do_not_contact" });
    const noEmail = await makeLead({ email: null });
    expect(await proposeDraft(db, lead(noEmail.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "no_email" });
    expect(await proposeDraft(db, lead("no-such-deal"), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "not_found" });
    expect(await db.emailDraft.count({ where: { dealId: { in: [low.id, noConsent.id, optedOut.id, listed.id, noEmail.id] } } })).toBe(0);
  });

  it("keeps one pending draft per person, and honours the threshold of the settings in force", async () => {
    const deal = await makeLead();
    expect((await proposeDraft(db, lead(deal.id), { now: OPEN })).status).toBe("PROPOSED");
    expect(await proposeDraft(db, lead(deal.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "pending_draft" });
    const other = await makeLead();
    await saveIntentSettings(db, { ...DEFAULT_INTENT_CONFIG, highIntentThreshold: 99 }, approver);
    try {
      expect(await proposeDraft(db, lead(other.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "below_threshold" });
    } finally {
      await saveIntentSettings(db, { ...DEFAULT_INTENT_CONFIG }, approver);
    }
  });

  it("respects the per-person daily limit: no new draft the day an approved one was sent", async () => {
    const deal = await makeLead();
    const first = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (first.status !== "PROPOSED") throw new Error("expected a draft");
    expect(await approveDraft(db, first.draftId, approver, undefined, deps, { now: OPEN })).toMatchObject({ status: "SENT" });
    expect(await proposeDraft(db, lead(deal.id), { now: OPEN })).toMatchObject({ status: "SKIPPED", reason: "daily_limit" });
    // The next day the limit starts again.
    expect((await proposeDraft(db, lead(deal.id), { now: new Date(OPEN.getTime() + 86_400_000) })).status).toBe("PROPOSED");
  });
});

describe("approveDraft", () => {
  it("sends once when approved twice at the same time, as the approver, with the footer filled in", async () => {
    const deal = await makeLead();
    const proposed = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (proposed.status !== "PROPOSED") throw new Error("expected a draft");
    const results = await Promise.all([approveDraft(db, proposed.draftId, approver, undefined, deps, { now: OPEN }), approveDraft(db, proposed.draftId, approver, undefined, deps, { now: OPEN })]);
    expect(results.map((r) => r.status).sort()).toEqual(["ALREADY_DECIDED", "SENT"]);
    const messages = await db.message.findMany({ where: { dealId: deal.id, direction: "OUTBOUND" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: "EMAIL", status: "SENT", sentById: approver.actorId, toAddress: deal.contactEmail });
    expect(messages[0].body).toContain("100 Main Street, Albany, NY 12207");
    expect(messages[0].body).toContain("https://app.example.test/unsubscribe/");
    expect(messages[0].body).not.toContain("{{");
    const draft = await db.emailDraft.findUniqueOrThrow({ where: { id: proposed.draftId } });
    expect(draft).toMatchObject({ status: "SENT", messageId: messages[0].id, decidedById: approver.actorId });
    expect(await approveDraft(db, proposed.draftId, approver, undefined, deps, { now: OPEN })).toEqual({ status: "ALREADY_DECIDED", draftStatus: "SENT" });
    const approved = await db.auditEvent.findMany({ where: { action: "draft.approved", entityId: draft.id } });
    expect(approved).toHaveLength(1);
    expect(approved[0].actorId).toBe(approver.actorId);
  });

  it("refuses an edit that removed the footer (footer_removed) and keeps the draft pending with its gate", async () => {
    const deal = await makeLead();
    const proposed = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (proposed.status !== "PROPOSED") throw new Error("expected a draft");
    const result = await approveDraft(db, proposed.draftId, approver, { body: "Hi Pat, call me. No footer here." }, deps, { now: OPEN });
    expect(result).toMatchObject({ status: "BLOCKED", gate: "email_compliance", reason: "footer_removed" });
    const draft = await db.emailDraft.findUniqueOrThrow({ where: { id: proposed.draftId } });
    expect(draft).toMatchObject({ status: "PENDING", blockedGate: "email_compliance", blockedReason: "footer_removed", decidedById: null, messageId: null, body: "Hi Pat, call me. No footer here.", editedById: approver.actorId });
    expect(await db.message.count({ where: { dealId: deal.id, status: { in: ["QUEUED", "SENT", "DELIVERED"] } } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { entityId: draft.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["draft.proposed", "draft.edited", "draft.blocked"]);
    // Put right, the same draft goes out.
    expect(await approveDraft(db, proposed.draftId, approver, { body: draft.proposedBody }, deps, { now: OPEN })).toMatchObject({ status: "SENT" });
  });

  it("keeps a draft pending when a gate refuses the send (consent withdrawn after drafting)", async () => {
    const deal = await makeLead();
    const proposed = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (proposed.status !== "PROPOSED") throw new Error("expected a draft");
    await db.contactConsent.updateMany({ where: { address: deal.contactEmail! }, data: { status: "OPTED_OUT" } });
    const result = await approveDraft(db, proposed.draftId, approver, undefined, deps, { now: OPEN });
    expect(result).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "opted_out" });
    expect(await db.emailDraft.findUniqueOrThrow({ where: { id: proposed.draftId } })).toMatchObject({ status: "PENDING", blockedGate: "consent", blockedReason: "opted_out" });
  });

  it("checks the per-person daily limit again when sending", async () => {
    const deal = await makeLead();
    const first = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (first.status !== "PROPOSED") throw new Error("expected a draft");
    // A second draft for the same address slipped in (e.g. proposed before the limit was lowered).
    const second = await db.emailDraft.create({
      data: { dealId: deal.id, toAddress: deal.contactEmail!, subject: "Again", body: "Hi {{postal_address}} {{unsubscribe_link}}", proposedSubject: "Again", proposedBody: "x", reasoning: {}, confidence: 0.5, intentScore: 80, drafter: "template", settingsVersion: 0 } as never,
    });
    expect((await approveDraft(db, first.draftId, approver, undefined, deps, { now: OPEN })).status).toBe("SENT");
    expect(await approveDraft(db, second.id, approver, undefined, deps, { now: OPEN })).toMatchObject({ status: "BLOCKED", gate: "daily_limit", reason: "daily_limit" });
    expect(await db.emailDraft.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "PENDING", blockedGate: "daily_limit" });
  });

  it("needs a person, and a draft that exists", async () => {
    const deal = await makeLead();
    const proposed = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (proposed.status !== "PROPOSED") throw new Error("expected a draft");
    await expect(approveDraft(db, proposed.draftId, { actorId: null, actorEmail: "api-key:x", requestId: "r" }, undefined, deps)).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveDraft(db, "no-such-draft", approver, undefined, deps)).rejects.toBeInstanceOf(ExpectedError);
    expect(await db.emailDraft.findUniqueOrThrow({ where: { id: proposed.draftId } })).toMatchObject({ status: "PENDING" });
  });
});

describe("editDraft and rejectDraft", () => {
  it("edits a waiting draft, audited with the user", async () => {
    const deal = await makeLead();
    const proposed = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (proposed.status !== "PROPOSED") throw new Error("expected a draft");
    await editDraft(db, proposed.draftId, { subject: "Your house on Elm", body: "Hello {{postal_address}} {{unsubscribe_link}}" }, approver);
    expect(await db.emailDraft.findUniqueOrThrow({ where: { id: proposed.draftId } })).toMatchObject({ subject: "Your house on Elm", editedById: approver.actorId, status: "PENDING" });
    const edited = await db.auditEvent.findFirstOrThrow({ where: { action: "draft.edited", entityId: proposed.draftId } });
    expect(edited.actorId).toBe(approver.actorId);
    await expect(editDraft(db, proposed.draftId, { subject: "", body: "x" }, approver)).rejects.toMatchObject({ code: "invalid", field: "subject" });
  });

  it("needs a reason to reject, audits it, and refuses to edit or approve after", async () => {
    const deal = await makeLead();
    const proposed = await proposeDraft(db, lead(deal.id), { now: OPEN });
    if (proposed.status !== "PROPOSED") throw new Error("expected a draft");
    await expect(rejectDraft(db, proposed.draftId, "no", approver)).rejects.toMatchObject({ code: "invalid", field: "reason", message: "Say why (at least 3 characters)" });
    expect(await rejectDraft(db, proposed.draftId, "Already under contract elsewhere", approver)).toEqual({ status: "REJECTED" });
    expect(await rejectDraft(db, proposed.draftId, "Again and again", approver)).toEqual({ status: "ALREADY_DECIDED", draftStatus: "REJECTED" });
    expect(await db.emailDraft.findUniqueOrThrow({ where: { id: proposed.draftId } })).toMatchObject({ status: "REJECTED", rejectReason: "Already under contract elsewhere", decidedById: approver.actorId });
    const rejected = await db.auditEvent.findMany({ where: { action: "draft.rejected", entityId: proposed.draftId } });
    expect(rejected).toHaveLength(1);
    expect(rejected[0].actorId).toBe(approver.actorId);
    expect(await approveDraft(db, proposed.draftId, approver, undefined, deps, { now: OPEN })).toEqual({ status: "ALREADY_DECIDED", draftStatus: "REJECTED" });
    await expect(editDraft(db, proposed.draftId, { subject: "s", body: "{{postal_address}} {{unsubscribe_link}}" }, approver)).rejects.toMatchObject({ code: "conflict" });
    await expect(rejectDraft(db, "no-such-draft", "a reason", approver)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the queue and the detail", () => {
  it("lists pending drafts first by intent then age, with counts, and shows one draft's context", async () => {
    const page = await listApprovalQueue(db, { status: "PENDING", page: 1 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.status === "PENDING")).toBe(true);
    for (let i = 1; i < page.rows.length; i++) {
      const [a, b] = [page.rows[i - 1], page.rows[i]];
      expect(a.intentScore > b.intentScore || (a.intentScore === b.intentScore && a.createdAt <= b.createdAt)).toBe(true);
    }
    expect(page.counts.PENDING).toBe(page.total);
    expect(page.counts.SENT).toBeGreaterThan(0);
    expect(page.counts.REJECTED).toBeGreaterThan(0);
    const all = await listApprovalQueue(db, { status: "all", page: 1, pageSize: 200 });
    expect(all.rows[0].status).toBe("PENDING");
    expect(all.total).toBe(page.counts.PENDING + page.counts.SENT + page.counts.REJECTED);
    expect((await listApprovalQueue(db, { status: "PENDING", page: 1, kind: "buyer" })).total).toBe(0);
    expect((await listApprovalQueue(db, { status: "PENDING", page: 1, owner: "me", me: null })).total).toBe(0);

    const detail = await getApprovalDetail(db, page.rows[0].id);
    expect(detail).not.toBeNull();
    expect(detail!.kind).toBe("lead");
    expect(detail!.person.consent.status).toBe("OPTED_IN");
    expect(detail!.preview.body).toContain("100 Main Street, Albany, NY 12207");
    expect(detail!.preview.body).not.toContain("{{");
    expect(detail!.history.map((h) => h.action)).toContain("draft.proposed");
    expect(detail!.timeline.some((t) => t.kind === "signal")).toBe(true);
    expect(await getApprovalDetail(db, "no-such-draft")).toBeNull();
  });
});

describe("nothing but an approval sends", () => {
  it("proposing, the drafting engine and the sweep create no message", async () => {
    const before = await db.message.count();
    for (let i = 0; i < 3; i++) await makeLead();
    const report = await runDraftingSweep(db, { now: OPEN, drafter: templateDrafter });
    expect(report.proposed).toBeGreaterThanOrEqual(3);
    expect(await ENGINES.drafting.run(db)).toMatchObject({ outcome: "OK" });
    expect(await db.message.count()).toBe(before);
  });

  it("the intent/high handlers (Inngest and the embedded runner) propose a draft and create no message", async () => {
    const before = await db.message.count();
    // The Inngest function judges at the present moment.
    const viaInngest = await makeLead({ at: new Date() });
    const data = { tenantId: db.tenantId, dealId: viaInngest.id, score: 80, threshold: 70 };
    const { result } = await new InngestTestEngine({ function: draftOnHighIntent, events: [{ name: EVENTS.intentHigh, data }] }).execute();
    expect(result).toMatchObject({ dealId: viaInngest.id, status: "PROPOSED" });

    const viaRunner = await makeLead();
    const job = jobForEvent({ id: "evt-1", name: EVENTS.intentHigh, data: { ...data, dealId: viaRunner.id } }, OPEN);
    const handler = jobHandler(job.kind);
    expect(handler).toBeDefined();
    await handler!.run(
      { prisma: database.prisma, now: OPEN, tenantDb: (id: string) => scopeToTenant(database.prisma, id), send: () => Promise.reject(new Error("nothing may send here")) } as never,
      { ...job, tenantId: db.tenantId, attempts: 1, maxAttempts: job.maxAttempts ?? 1, runAt: OPEN } as never,
    );
    expect(await db.emailDraft.count({ where: { dealId: { in: [viaInngest.id, viaRunner.id] }, status: "PENDING" } })).toBe(2);
    expect(await db.message.count()).toBe(before);
  });

  it("enriches a lead without an email before drafting, from the workspace's own records", async () => {
    const known = await makeLead({ signals: 0 });
    await db.deal.update({ where: { id: known.id }, data: { contactName: "Rita Moreno" } });
    const unknown = await makeLead({ email: null });
    await db.deal.update({ where: { id: unknown.id }, data: { contactName: "Rita Moreno" } });
    const result = await draftForHighIntent(db, { dealId: unknown.id }, { now: OPEN, drafter: templateDrafter });
    expect(result.status).toBe("PROPOSED");
    if (result.status === "PROPOSED") expect((await db.emailDraft.findUniqueOrThrow({ where: { id: result.draftId } })).toAddress).toBe(known.contactEmail);
  });
});
