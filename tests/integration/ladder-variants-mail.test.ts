import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { startLadders } from "@/lib/ladder/lifecycle";
import { readStepStates } from "@/lib/ladder/state";
import { runLadderStep, type LadderMailer, type LadderSender, type SendInput } from "@/lib/ladder/steps";
import { getLadderTemplate, saveLadderTemplate } from "@/lib/ladder/templates";
import type { SendMailPieceInput } from "@/lib/mail/types";
import { seedMarketPolicies } from "@/lib/policy";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let seq = 0;
const ctx = { actorId: null, actorEmail: "owner@ladder.test", requestId: undefined };
// Monday 2026-11-30 10:00 in New York: inside the default window.
const MONDAY = new Date("2026-11-30T15:00:00Z");

const sent: SendInput[] = [];
const send: LadderSender = async (_db, input) => {
  sent.push(input);
  return { messageId: null, status: "SENT" };
};

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "ladder-variants", name: "Maple Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());

async function startLadderFor(steps: unknown[]) {
  await saveLadderTemplate(db, { steps: steps as never, reason: "Rotation and mail" }, ctx);
  seq += 1;
  const deal = await db.deal.create({
    data: { source: "MANUAL", addressKey: `LV-${seq}`, raw: {}, street: `${seq} Oak St`, city: "Albany", region: "NY", market: "ALL", postalCode: "12207", timeZone: "America/New_York", score: 80, contactName: "Pat Seller", contactPhone: `+1518555${String(seq).padStart(4, "0")}` } as never,
  });
  const [started] = await startLadders(db, [deal.id], { now: MONDAY, trigger: "manual", enqueue: false });
  if (started.status !== "started") throw new Error(started.status);
  return { ladderId: started.ladderId, dealId: deal.id };
}

describe("ladder steps with wordings and mail", () => {
  it("saves an SMS step's wordings, drops them on other channels, and refuses a shortened link with the reason at the field", async () => {
    await saveLadderTemplate(db, { steps: [{ channel: "SMS", delayMinutes: 0, template: "Hi {{firstName}}", variants: ["Hello {{firstName}}", "  "] }, { channel: "CALL", delayMinutes: 60, variants: ["ignored"] }], reason: "Wordings" } as never, ctx);
    const saved = await getLadderTemplate(db);
    expect(saved.steps[0].variants).toEqual(["Hello {{firstName}}"]);
    expect(saved.steps[1]).not.toHaveProperty("variants");
    await expect(saveLadderTemplate(db, { steps: [{ channel: "SMS", delayMinutes: 0, template: "Hi", variants: ["See bit.ly/x"] }], reason: "Shortener" } as never, ctx)).rejects.toMatchObject({
      field: "steps.0.variants.0",
      message: expect.stringContaining("bit.ly is a public link shortener"),
    });
  });

  it("hands the SMS step's rendered wordings to the outbound core to rotate", async () => {
    sent.length = 0;
    const { ladderId } = await startLadderFor([{ channel: "SMS", delayMinutes: 0, template: "Hi {{firstName}}, about {{street}}", variants: ["{{firstName}}, still own {{street}}?"] }]);
    await runLadderStep(db, ladderId, 0, MONDAY, send);
    expect(sent[0].variants).toEqual([
      { key: "ladder:1:0", body: `Hi Pat, about ${seq} Oak St` },
      { key: "ladder:1:1", body: `Pat, still own ${seq} Oak St?` },
    ]);
  });

  it("sends a MAIL step through the mail service, and records a blocked piece like a blocked text", async () => {
    const calls: SendMailPieceInput[] = [];
    const blocked: LadderMailer = async (_db, input) => {
      calls.push(input);
      return { status: "BLOCKED", pieceId: "piece-1", gate: "address", reason: "address_unverified", detail: "The ZIP does not match the city" };
    };
    const { ladderId, dealId } = await startLadderFor([{ channel: "MAIL", delayMinutes: 0, template: "Dear {{firstName}}, we would like to buy {{street}}.", mailKind: "LETTER" }]);
    // Due at once, even at night: a mail piece has no contact window.
    const night = new Date("2026-12-01T04:00:00Z");
    expect(await runLadderStep(db, ladderId, 0, night, send, blocked)).toMatchObject({ outcome: "done", state: "blocked", reason: "address: address_unverified" });
    expect(calls).toEqual([expect.objectContaining({ dealId, kind: "LETTER", body: `Dear Pat, we would like to buy ${seq} Oak St.`, ladderId, ladderStep: 1 })]);
    const [step] = readStepStates((await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } })).steps);
    expect(step).toMatchObject({ state: "blocked", mailPieceId: "piece-1", channel: "MAIL", mailKind: "LETTER" });
    expect(sent.filter((s) => s.ladderId === ladderId)).toHaveLength(0);
  });
});
