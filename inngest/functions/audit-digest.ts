import { sendAuditDigest } from "@/lib/audit/digest";
import { getPrisma } from "@/lib/db/client";
import { tenantDbFor } from "@/lib/db/edge";
import { EVENTS, parseEventData } from "@/lib/events/catalog";
import { listActiveTenantIds } from "@/lib/tenants/directory";
import { inngest } from "../client";

/** Nightly at 06:00 UTC: one digest request per tenant. The cron carries no tenant. */
export const auditDigestCron = inngest.createFunction(
  { id: "audit-digest-cron", triggers: [{ cron: "0 6 * * *" }] },
  async ({ step }) => {
    // Listing the tenants spans them all, so it needs the root client.
    const tenantIds = await step.run("list-tenants", async () => listActiveTenantIds(await getPrisma()));
    if (tenantIds.length === 0) return { tenants: 0 };
    await step.sendEvent(
      "fan-out",
      tenantIds.map((tenantId) => ({ name: EVENTS.auditDigestRequested, data: { tenantId } })),
    );
    return { tenants: tenantIds.length };
  },
);

export const auditDigestForTenant = inngest.createFunction(
  {
    id: "audit-digest-tenant",
    triggers: [{ event: EVENTS.auditDigestRequested }],
    concurrency: { key: "event.data.tenantId", limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => {
    const { tenantId } = parseEventData(EVENTS.auditDigestRequested, event.data);
    return step.run("send-digest", async () => sendAuditDigest(await tenantDbFor(tenantId)));
  },
);
