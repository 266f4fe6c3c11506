import type { Metadata } from "next";
import { EngineCard } from "@/components/engines/engine-card";
import { ExecutorCard, OutboxCard } from "@/components/engines/dispatch-panels";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listEngineOverviews } from "@/lib/engines/overview";
import { outboxBacklog } from "@/lib/events/backlog";
import { executorOverview } from "@/lib/runtime/overview";
import { runEngineNowAction, setEnginePausedAction } from "./actions";

export const metadata: Metadata = { title: "Engines" };
export const dynamic = "force-dynamic";

export default async function EnginesPage() {
  const ctx = await requirePage("engines:read");
  const now = new Date();
  const [engines, backlog, executor] = await Promise.all([listEngineOverviews(ctx.db, now), outboxBacklog(ctx.db), executorOverview(ctx.db)]);
  const canManage = can(ctx.role, "engines:manage");
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Engines</h1>
        <p className="text-sm text-muted-foreground">
          Engines run on their own, faster under load and slower when idle. Failures alert owners and admins, and escalate after repeated failures.
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <ExecutorCard executor={executor} timeZone={ctx.tenant.timeZone} now={now} />
        <OutboxCard backlog={backlog} timeZone={ctx.tenant.timeZone} now={now} />
      </div>
      {engines.map((engine) => (
        <EngineCard
          key={engine.name}
          engine={engine}
          timeZone={ctx.tenant.timeZone}
          canManage={canManage}
          now={now}
          actions={{ runEngineNow: runEngineNowAction, setEnginePaused: setEnginePausedAction }}
        />
      ))}
    </div>
  );
}
