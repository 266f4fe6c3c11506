import { sendMessage } from "@/lib/outbound/service";
import type { LadderSender } from "./steps";

/** Ladder messages leave through the outbound core, every compliance gate included. */
export const sendThroughOutbound: LadderSender = async (db, input) => {
  const result = await sendMessage(db, { ...input, actorId: null });
  if (result.status === "BLOCKED") return { messageId: result.messageId, status: result.status, gate: result.gate, reason: result.reason };
  if (result.status === "FAILED") return { messageId: result.messageId, status: result.status, gate: null, reason: result.error };
  return { messageId: result.messageId, status: result.status };
};
