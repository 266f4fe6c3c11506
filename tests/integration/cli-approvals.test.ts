import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { runDealflow } from "../helpers/cli";

let dir: string;

type ApprovalsOutput = { total: number; drafts: { id: string; status: string; personName: string; subject: string; intentScore: number }[] };
const dealflow = (args: string[]) => runDealflow<ApprovalsOutput>(dir, args);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-cli-approvals-"));
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  const tenant = await database.prisma.tenant.create({ data: { slug: "drafts-co", name: "Drafts Co" } });
  const other = await database.prisma.tenant.create({ data: { slug: "other-co", name: "Other Co" } });
  const deal = await database.prisma.deal.create({ data: { tenantId: tenant.id, source: "MANUAL", addressKey: "1 main st", street: "1 Main St", city: "Austin", region: "TX", contactName: "Ann Seller", raw: {} } });
  const draft = (tenantId: string, id: string, status: "PENDING" | "SENT" | "REJECTED", intentScore: number) => ({
    id, tenantId, dealId: tenantId === tenant.id ? deal.id : null, status, toAddress: `${id}@example.com`, subject: `Subject ${id}`, body: "Hi {{postal_address}} {{unsubscribe_link}}",
    proposedSubject: "s", proposedBody: "b", reasoning: {}, confidence: 0.6, intentScore, drafter: "template", settingsVersion: 0,
  });
  await database.prisma.emailDraft.createMany({
    data: [draft(tenant.id, "low", "PENDING", 72), draft(tenant.id, "high", "PENDING", 91), draft(tenant.id, "sent", "SENT", 95), draft(other.id, "elsewhere", "PENDING", 99)],
  });
  await database.close();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dealflow approvals", () => {
  it("prints the workspace's pending drafts as JSON, highest intent first", async () => {
    const out = await dealflow(["approvals", "--tenant", "drafts-co"]);
    expect(out.code).toBe(0);
    expect(out.json?.total).toBe(2);
    expect(out.json?.drafts.map((d) => d.id)).toEqual(["high", "low"]);
    expect(out.json?.drafts[0]).toMatchObject({ status: "PENDING", personName: "Ann Seller", subject: "Subject high", intentScore: 91 });
  });

  it("is a usage error without --tenant or for an unknown workspace", async () => {
    expect((await dealflow(["approvals"])).code).toBe(2);
    const unknown = await dealflow(["approvals", "--tenant", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no tenant with slug "nope"');
  });
});
