import { getPrisma } from "@/lib/db/client";
import { dispatchPendingEvents } from "@/lib/events/dispatcher";
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
