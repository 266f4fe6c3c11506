import { tenantDbFor } from "@/lib/db/edge";
import { sendBlastChunk } from "@/lib/blasts/sending";
import { EVENTS, parseEventData } from "@/lib/events/catalog";
import { inngest } from "../client";

/** Chunks per run (10,000 buyers at 50 a chunk); a bigger blast continues in a new run where this one stopped. */
const MAX_CHUNKS = 200;

/**
 * Sends a queued blast: one step per chunk of buyers, each message through the outbound core,
 * until no recipient is left QUEUED. A retried step resends only the recipients still QUEUED.
 */
export const blastSender = inngest.createFunction(
  {
    id: "blast-sender",
    triggers: [{ event: EVENTS.blastQueued }],
    concurrency: { key: "event.data.tenantId", limit: 2 },
    retries: 4,
  },
  async ({ event, step }) => {
    const { tenantId, blastId } = parseEventData(event.name, event.data);
    let sent = 0;
    for (let index = 0; index < MAX_CHUNKS; index++) {
      const chunk = await step.run(`chunk-${index + 1}`, async () => sendBlastChunk(await tenantDbFor(tenantId), blastId));
      sent += chunk.sent;
      if (chunk.status !== "SENDING" || chunk.remaining === 0) return { blastId, status: chunk.status, sent, chunks: index + 1 };
    }
    await step.sendEvent("continue", { name: EVENTS.blastQueued, data: { tenantId, blastId } });
    return { blastId, status: "SENDING", sent, chunks: MAX_CHUNKS };
  },
);
