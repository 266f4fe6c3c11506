import { getPrisma } from "@/lib/db/client";
import { recordHeartbeat } from "@/lib/system/heartbeat";
import { inngest } from "../client";

/** Every 5 minutes: the runtime's heartbeat, so the web server can tell when Inngest stops running jobs. */
export const systemHeartbeat = inngest.createFunction(
  { id: "system-heartbeat", triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step }) => {
    await step.run("beat", async () => recordHeartbeat(await getPrisma(), "inngest"));
    return { ok: true };
  },
);
