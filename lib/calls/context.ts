/** What the call panel shows beside the timer: who the lead is, where things stand, what was said, and the script. */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { senderNameOf } from "@/lib/ladder/context";
import { readStepStates } from "@/lib/ladder/state";
import { templateValues } from "@/lib/ladder/template";
import { listDealMessages } from "@/lib/outbound/queries";
import { callScript } from "./script";

export interface CallContext {
  dealId: string;
  name: string;
  address: string;
  phone: string | null;
  score: number | null;
  stage: string;
  lastMessages: { id: string; channel: string; direction: string; body: string; at: string }[];
  script: string[];
}

export async function getCallContext(db: TenantDb, dealId: string, taskId: string | null): Promise<CallContext> {
  const deal = await db.deal.findFirst({
    where: { id: dealId, deletedAt: null },
    select: { id: true, contactName: true, contactPhone: true, street: true, city: true, region: true, postalCode: true, score: true, status: true },
  });
  if (!deal) throw new ExpectedError("not_found", "This lead does not exist", "dealId");
  const [messages, senderName, stepInstruction] = await Promise.all([
    listDealMessages(db, deal.id, 3, { id: true, channel: true, direction: true, body: true, createdAt: true }),
    senderNameOf(db),
    taskId ? ladderStepInstruction(db, taskId) : null,
  ]);
  return {
    dealId: deal.id,
    name: deal.contactName?.trim() || "Unnamed lead",
    address: [deal.street, deal.city, deal.region, deal.postalCode].filter(Boolean).join(", ") || "Address unknown",
    phone: deal.contactPhone,
    score: deal.score,
    stage: deal.status,
    lastMessages: messages.map((m) => ({ id: m.id, channel: m.channel, direction: m.direction, body: m.body, at: m.createdAt.toISOString() })),
    script: callScript(deal.status, templateValues(deal, senderName), stepInstruction),
  };
}

/** The words of the ladder's CALL step the task was made for ("leave a voicemail if there is no answer"). */
async function ladderStepInstruction(db: TenantDb, taskId: string): Promise<string | null> {
  const task = await db.followUpTask.findFirst({ where: { id: taskId }, select: { ladderId: true, step: true } });
  if (!task?.ladderId) return null;
  const ladder = await db.followUpLadder.findFirst({ where: { id: task.ladderId }, select: { steps: true } });
  return readStepStates(ladder?.steps).find((s) => s.step === task.step)?.template ?? null;
}
