import { enrichForHighIntent, proposeForHighIntent } from "@/lib/approvals/drafting";
import { tenantDbFor } from "@/lib/db/edge";
import { EVENTS, parseEventData } from "@/lib/events/catalog";
import { inngest } from "../client";

/**
 * A person's intent reached the threshold: fill a missing phone or email from the skip tracer
 * (within budget), then propose an email for a person to approve. One run
 * at a time per workspace, so a burst in one workspace queues behind itself and never holds
 * up another's. It only proposes; approving is a person's act (lib/approvals/service.ts).
 */
export const draftOnHighIntent = inngest.createFunction(
  {
    id: "draft-on-high-intent",
    triggers: [{ event: EVENTS.intentHigh }],
    concurrency: { key: "event.data.tenantId", limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => {
    const data = parseEventData(event.name, event.data);
    // Two steps: a retried proposal does not pay for the skip trace again.
    const enrichment = await step.run("enrich-person", async () => enrichForHighIntent(await tenantDbFor(data.tenantId), data));
    const proposed = await step.run("propose-draft", async () => proposeForHighIntent(await tenantDbFor(data.tenantId), data));
    return { dealId: data.dealId ?? null, buyerId: data.buyerId ?? null, enrichment: enrichment.status, ...proposed };
  },
);
