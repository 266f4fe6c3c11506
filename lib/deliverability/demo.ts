/**
 * Demo deliverability: the workspace's two sending numbers, the second slowed by outbound
 * control after a bad day (75 % delivered, an opt-out rate over 2 %), with its recorded
 * decision and the owner's alert; its texts rotated two wordings of the ladder's first step,
 * which the saved ladder holds.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { DEFAULT_LADDER_STEPS } from "@/lib/ladder/schema";
import { insertDemoMessages } from "@/lib/outbound/demo-messages";
import { OUTBOX_PROVIDER } from "@/lib/providers/outbox";
import { applyThrottleDecision } from "./control";
import { senderStats } from "./stats";
import { decideThrottle } from "./throttle-rules";

const HOUR_MS = 3_600_000;
type DemoMessage = Parameters<typeof insertDemoMessages>[1][number];
/** The number the demo conversations were sent from (lib/outbound/demo-messages.ts). */
export const DEMO_MAIN_NUMBER = "+15550100200";
export const DEMO_SECOND_NUMBER = "+15550100201";
const TEXTS = 24;
const UNDELIVERED_EVERY = 4;

export const DEMO_STEP_ONE_WORDINGS = [
  "Hi {{firstName}}, {{senderName}} here. Would you consider an offer on {{street}}?",
  "{{firstName}}, this is {{senderName}}. Are you open to selling {{street}} this year?",
] as const;

const RENDERED = ["Hi Pat, Maple & Main here. Would you consider an offer on 12 Elm St?", "Pat, this is Maple & Main. Are you open to selling 12 Elm St this year?"];

export async function seedDemoDeliverability(db: TenantDb, context: { now: Date }): Promise<void> {
  const { now } = context;
  const [, second] = await Promise.all([
    db.sendingIdentity.create({ data: { channel: "SMS", address: DEMO_MAIN_NUMBER, label: "Main number" } }),
    db.sendingIdentity.create({ data: { channel: "SMS", address: DEMO_SECOND_NUMBER, label: "Second number" } }),
  ]);
  // The second number's last day: texts from 20 h to 4 h ago, wordings alternating, one in four undelivered.
  const texts: DemoMessage[] = Array.from({ length: TEXTS }, (_, i) => {
    const at = new Date(now.getTime() - (20 - (i * 16) / TEXTS) * HOUR_MS);
    const delivered = (i + 1) % UNDELIVERED_EVERY !== 0;
    return {
      channel: "SMS",
      direction: "OUTBOUND",
      status: delivered ? "DELIVERED" : "UNDELIVERED",
      toAddress: `+1555020${String(1000 + i).slice(-4)}`,
      fromAddress: DEMO_SECOND_NUMBER,
      body: RENDERED[i % 2]!,
      provider: OUTBOX_PROVIDER,
      providerMessageId: `outbox_demo_rotation_${i}`,
      variantKey: `ladder:1:${i % 2}`,
      sentAt: at,
      ...(delivered ? { deliveredAt: at } : { failedAt: at, error: "Carrier filtered (30007)" }),
      createdAt: at,
    };
  });
  const answer = (i: number, body: string): DemoMessage => ({
    channel: "SMS",
    direction: "INBOUND",
    status: "RECEIVED",
    toAddress: DEMO_SECOND_NUMBER,
    fromAddress: texts[i]!.toAddress,
    body,
    provider: OUTBOX_PROVIDER,
    providerMessageId: `outbox_demo_rotation_reply_${i}`,
    createdAt: new Date((texts[i]!.createdAt as Date).getTime() + HOUR_MS),
  });
  await insertDemoMessages(db, [...texts, answer(0, "Maybe, what would you offer?"), answer(2, "Yes, call me tonight"), answer(5, "stop")]);
  const figures = (await senderStats(db, [second], now)).get(second.id)!;
  await applyThrottleDecision(db, second, decideThrottle({ status: "ACTIVE", rate: 1, ...figures }), figures, now);
  // The ladder new leads get: the default, its first text in two wordings.
  const steps = DEFAULT_LADDER_STEPS.map((step, index) => (index === 0 ? { ...step, template: DEMO_STEP_ONE_WORDINGS[0], variants: [DEMO_STEP_ONE_WORDINGS[1]] } : step));
  await db.ladderTemplate.create({ data: { steps: steps as unknown as Prisma.InputJsonValue, version: 1 } });
}
