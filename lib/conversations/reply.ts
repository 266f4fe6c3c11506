/** Answering in a thread: the same outbound core as every other message, gates and all. */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { sendMessage, type OutboundDeps, type SendMessageResult } from "@/lib/outbound/service";
import type { ReplyInput } from "./schema";
import { parseThreadKey } from "./thread";

/**
 * Sends the reply to the thread's lead (or buyer) through sendMessage: a refusal comes back
 * BLOCKED with its gate and reason, recorded like any refused message, and nothing is queued.
 */
export async function replyInThread(
  db: TenantDb,
  threadKey: string,
  reply: ReplyInput,
  options: { actorId: string | null; now?: Date },
  deps: OutboundDeps = {},
): Promise<SendMessageResult> {
  const party = parseThreadKey(threadKey);
  if (!party) throw new ExpectedError("invalid", "A thread is deal:<id> or buyer:<id>", "threadKey");
  const recipient = party.kind === "deal" ? { dealId: party.dealId } : { buyerId: party.buyerId };
  const live =
    party.kind === "deal"
      ? await db.deal.count({ where: { id: party.dealId, deletedAt: null } })
      : await db.buyer.count({ where: { id: party.buyerId, deletedAt: null } });
  if (!live) throw new ExpectedError("not_found", "No such conversation in this workspace", "threadKey");
  return sendMessage(db, { ...recipient, channel: reply.channel, body: reply.body, subject: reply.subject, actorId: options.actorId, now: options.now }, deps);
}
