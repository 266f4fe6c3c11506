import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { detailedHealth, type CheckStatus } from "@/lib/system/health";

export const metadata: Metadata = { title: "System status" };

const VARIANT: Record<CheckStatus, "success" | "warning" | "destructive"> = { ok: "success", degraded: "warning", down: "destructive" };
const LABEL: Record<string, string> = { database: "Database", migrations: "Migrations", executor: "Background jobs", heartbeat: "Heartbeat", providers: "Providers" };

export default async function SystemPage() {
  await requirePage("system:read");
  const health = await detailedHealth();
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">System status</h1>
        <p className="text-sm text-muted-foreground">
          Overall: <Badge variant={VARIANT[health.status]}>{health.status}</Badge> · also at <code>/api/health/detailed</code> and <code>/api/metrics</code>
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {Object.entries(health.checks).map(([name, check]) => (
          <Card key={name} data-testid={`check-${name}`}>
            <CardHeader>
              <CardTitle className="flex items-center justify-between">
                {LABEL[name] ?? name}
                <Badge variant={VARIANT[check.status]}>{check.status}</Badge>
              </CardTitle>
              <CardDescription>{check.latencyMs} ms</CardDescription>
            </CardHeader>
            <CardContent className="text-sm text-muted-foreground">
              {check.detail ?? (name === "database" ? `Connected (${String(check.kind)})` : name === "migrations" ? "Schema is current" : `Reachable at ${String(check.url)}`)}
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
