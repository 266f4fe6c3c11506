import { getPrisma } from "@/lib/db/client";
import { dispatchPendingEvents } from "@/lib/events/dispatcher";
import { OUTBOX_RETENTION_MS, pruneDeliveredEvents } from "@/lib/events/retention";
import { inngest } from "../client";

/**
 * Safety net for the transactional outbox: every minute, sends what the in-process loop
 * has not (for instance when no web server process is running). Ids make overlaps harmless.
 */
export const outboxDispatchCron = inngest.createFunction(
  { id: "outbox-dispatch", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 }, retries: 1 },
  async ({ step }) =>
    step.run("dispatch-pending", async () =>
      // The root client: the outbox is claimed across every tenant.
      dispatchPendingEvents({ prisma: await getPrisma(), send: (events) => inngest.send(events) }),
    ),
);

/** Hourly: delivered events older than the retention go; pending ones always stay. */
export const outboxUpkeepCron = inngest.createFunction(
  { id: "outbox-upkeep", triggers: [{ cron: "17 * * * *" }], concurrency: { limit: 1 }, retries: 2 },
  async ({ step }) =>
    step.run("prune-delivered", async () => ({
      // The root client: the upkeep spans every workspace's outbox.
      pruned: await pruneDeliveredEvents(await getPrisma(), new Date(Date.now() - OUTBOX_RETENTION_MS)),
    })),
);
