import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as approveRoute } from "@/app/api/v1/actions/[id]/approve/route";
import { POST as rejectRoute } from "@/app/api/v1/actions/[id]/reject/route";
import { GET as pendingRoute } from "@/app/api/v1/actions/pending/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { authenticateApiKey, createApiKey } from "@/lib/apikeys/service";
import { proposeDraft } from "@/lib/approvals/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { templateDrafter } from "@/lib/providers/drafting";
import { recordSignals } from "@/lib/signals/service";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const keys: Record<"workspace" | "owner" | "viewer" | "reader" | "other", string> = { workspace: "", owner: "", viewer: "", reader: "", other: "" };
let ownerId: string;
// Tuesday 2026-03-10 15:00 in New York: inside the default contact window.
const OPEN = new Date("2026-03-10T19:00:00Z");
let counter = 0;

async function draftFor(): Promise<string> {
  counter += 1;
  const email = `api-seller${counter}@example.com`;
  const deal = await db.deal.create({
    data: { source: "MANUAL", addressKey: `API-${counter}`, raw: {}, street: `${counter} Pine St`, city: "New York", region: "NY", market: "NEW YORK", postalCode: "10001", country: "US", timeZone: "America/New_York", score: 80, contactName: "Lee Seller", contactEmail: email } as never,
  });
  await db.contactConsent.create({ data: { channel: "EMAIL", address: email, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
  await recordSignals(db, [0, 1, 2].map((i) => ({ subject: { kind: "lead" as const, dealId: deal.id }, type: "sms_reply" as const, source: "sms" as const, occurredAt: new Date(OPEN.getTime() - (i + 1) * 600_000), dedupeKey: `api-${deal.id}-${i}` })), { now: OPEN });
  const result = await proposeDraft(db, { kind: "lead", dealId: deal.id }, { now: OPEN, drafter: templateDrafter });
  if (result.status !== "PROPOSED") throw new Error(`expected a draft: ${JSON.stringify(result)}`);
  return result.draftId;
}

const approve = (id: string, key: string, body?: unknown) => callRoute(approveRoute, `/api/v1/actions/${id}/approve`, { key, method: "POST", body, params: { id } });
const reject = (id: string, key: string, body: unknown) => callRoute(rejectRoute, `/api/v1/actions/${id}/reject`, { key, method: "POST", body, params: { id } });

beforeAll(async () => {
  // The send is judged at this instant (the lead's contact window).
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(OPEN);
  // What the unsubscribe link of an email needs.
  vi.stubEnv("NEXTAUTH_URL", "https://app.example.test");
  vi.stubEnv("AUTH_SECRET", "test-secret-0123456789abcdef");
  database = await createTestDatabase();
  useDatabase(database);
  const member = (email: string, role: "owner" | "viewer") => ({ email, name: email.split("@")[0], password: "a-long-password-1", role });
  const tenant = await provisionTenant(database.prisma, { slug: "approvals-api", name: "Acme Homes", timeZone: "America/New_York", country: "US" }, [member("owner@aapi.test", "owner"), member("viewer@aapi.test", "viewer")]);
  const other = await provisionTenant(database.prisma, { slug: "approvals-api-b", name: "B", timeZone: "America/New_York", country: "US" }, [member("owner@aapib.test", "owner")]);
  db = scopeToTenant(database.prisma, tenant.id);
  await db.tenant.update({ where: { id: tenant.id }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207" } as never } });
  const user = (email: string) => database.prisma.user.findUniqueOrThrow({ where: { email } });
  ownerId = (await user("owner@aapi.test")).id;
  const viewerId = (await user("viewer@aapi.test")).id;
  const scopes = ["approvals:read", "approvals:write"] as const;
  const as = (actorId: string | null) => ({ actorId, actorEmail: "t", requestId: "r" });
  keys.workspace = (await createApiKey(db, { name: "ci", scopes: [...scopes] }, as(ownerId))).key;
  keys.owner = (await createApiKey(db, { name: "mine", scopes: [...scopes], bindToUser: true }, as(ownerId))).key;
  keys.viewer = (await createApiKey(db, { name: "viewer's", scopes: [...scopes], bindToUser: true }, as(viewerId))).key;
  keys.reader = (await createApiKey(db, { name: "read", scopes: ["approvals:read"], bindToUser: true }, as(ownerId))).key;
  keys.other = (await createApiKey(scopeToTenant(database.prisma, other.id), { name: "b", scopes: [...scopes], bindToUser: true }, as((await user("owner@aapib.test")).id))).key;
});
afterAll(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await database.close();
});

describe("user-bound API keys", () => {
  it("carry their user; workspace keys none; binding needs a person", async () => {
    expect((await authenticateApiKey(keys.owner))?.userId).toBe(ownerId);
    expect((await authenticateApiKey(keys.workspace))?.userId).toBeNull();
    await expect(createApiKey(db, { name: "nobody", scopes: ["approvals:write"], bindToUser: true }, { actorId: null, actorEmail: "cli", requestId: "r" })).rejects.toMatchObject({ code: "invalid", field: "bindToUser" });
  });
});

describe("approvals API v1", () => {
  it("lists pending drafts (approvals:read) and refuses a missing key", async () => {
    const id = await draftFor();
    expect((await callRoute(pendingRoute, "/api/v1/actions/pending")).status).toBe(401);
    const response = await callRoute(pendingRoute, "/api/v1/actions/pending?kind=lead", { key: keys.reader });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string; status: string }[]; total: number; page: number };
    expect(body.data.map((d) => d.id)).toContain(id);
    expect(body.data.every((d) => d.status === "PENDING")).toBe(true);
    expect((await callRoute(pendingRoute, "/api/v1/actions/pending?kind=seller", { key: keys.reader })).status).toBe(400);
    const otherWorkspace = (await (await callRoute(pendingRoute, "/api/v1/actions/pending", { key: keys.other })).json()) as { total: number };
    expect(otherWorkspace.total).toBe(0);
  });

  it("refuses to approve without the scope, without a bound key, or as a member who may not decide (403), and an unknown draft (404)", async () => {
    const id = await draftFor();
    expect((await approve(id, keys.reader)).status).toBe(403);
    const unbound = await approve(id, keys.workspace);
    expect(unbound.status).toBe(403);
    expect(((await unbound.json()) as { error: string }).error).toContain("Act as me");
    const viewer = await approve(id, keys.viewer);
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toContain("approvals:decide");
    expect((await approve("no-such-draft", keys.owner)).status).toBe(404);
    expect((await approve(id, keys.other)).status).toBe(404);
    expect((await db.emailDraft.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("approves as the key's person and sends once: a second approval answers ALREADY_DECIDED", async () => {
    const id = await draftFor();
    const first = await approve(id, keys.owner, { subject: "About your place on Pine" });
    expect(first.status).toBe(200);
    const sent = (await first.json()) as { status: string; messageId: string };
    expect(sent).toMatchObject({ status: "SENT" });
    const again = await approve(id, keys.owner);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "ALREADY_DECIDED", draftStatus: "SENT" });
    const draft = await db.emailDraft.findUniqueOrThrow({ where: { id } });
    expect(await db.message.count({ where: { dealId: draft.dealId, direction: "OUTBOUND" } })).toBe(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: sent.messageId } })).toMatchObject({ subject: "About your place on Pine", sentById: ownerId });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "draft.approved", entityId: id } });
    expect(audit.actorId).toBe(ownerId);
  });

  it("answers 422 for an edit that empties the subject, and for a reject without a reason", async () => {
    const id = await draftFor();
    expect((await approve(id, keys.owner, { subject: 42 })).status).toBe(422);
    const short = await reject(id, keys.owner, { reason: "no" });
    expect(short.status).toBe(422);
    expect(JSON.stringify(await short.json())).toContain("Say why (at least 3 characters)");
    expect((await reject(id, keys.workspace, { reason: "Not a fit" })).status).toBe(403);
    const rejected = await reject(id, keys.owner, { reason: "Not a fit for us" });
    expect(rejected.status).toBe(200);
    expect(await rejected.json()).toEqual({ status: "REJECTED" });
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "draft.rejected", entityId: id } })).actorId).toBe(ownerId);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/actions/pending", "/api/v1/actions/{id}/approve", "/api/v1/actions/{id}/reject"]));
  });
});
