/**
 * The KPI tripwire, one pass for one tenant (the "kpi-tripwire" engine, every 5 minutes):
 * judges the last hour of every KPI against its 7-day baseline, raises each breach once per
 * KPI per clock hour (a KpiAlert row, an in-app notification to owners and admins, a Discord
 * alert when the workspace set a webhook), and with auto-throttle on holds outbound back
 * until a pass finds every KPI back inside its band.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { notifyRoles } from "@/lib/notifications/service";
import { activeThrottle, engageThrottle, liftThrottle } from "@/lib/outbound/throttle";
import { discordWebhook, type AlertSink } from "@/lib/providers/discord";
import { getTenantSettings } from "@/lib/tenants/settings";
import { readKpiFacts } from "./measure";
import { BASELINE_DAYS, HOUR_MS, describeBreach, judgeHour, kpiDefinition, tallyByHour, type KpiVerdict } from "./rules";

type Breach = Extract<KpiVerdict, { status: "breach" }>;

export interface TripwireReport {
  evaluated: number;
  breaches: string[];
  /** Breaches alerted by this pass (the others were alerted earlier in the hour). */
  alerted: string[];
  skipped: number;
  throttle: "engaged" | "lifted" | "active" | "off";
}

export interface TripwireOptions {
  now?: Date;
  alertSink?: (webhookUrl: string) => AlertSink;
}

export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** The last hour and the same hour on each of the previous days, judged. */
export async function evaluateKpis(db: TenantDb, now: Date): Promise<KpiVerdict[]> {
  const hours = 24 * BASELINE_DAYS + 1;
  const origin = now.getTime() - hours * HOUR_MS;
  const facts = await readKpiFacts(db, new Date(origin), now);
  return judgeHour(tallyByHour(facts, origin, hours), hours - 1);
}

export async function runKpiTripwire(db: TenantDb, options: TripwireOptions = {}): Promise<TripwireReport> {
  const now = options.now ?? new Date();
  const verdicts = await evaluateKpis(db, now);
  const breaches = verdicts.filter((v): v is Breach => v.status === "breach");
  const settings = await getTenantSettings(db);

  let throttle: TripwireReport["throttle"] = "off";
  if (breaches.length > 0 && settings.kpiAutoThrottle) {
    const reason = breaches.map((b) => describeBreach(kpiDefinition(b.kpi)!, b)).join(" ");
    throttle = (await engageThrottle(db, reason, now)) ? "engaged" : "active";
  } else if (breaches.length === 0) {
    throttle = (await liftThrottle(db, { kpiCleared: true }, now)) ? "lifted" : "off";
  } else if (await activeThrottle(db)) {
    throttle = "active";
  }

  const alerted: string[] = [];
  const sink = settings.discordWebhookUrl ? (options.alertSink ?? discordWebhook)(settings.discordWebhookUrl) : null;
  for (const breach of breaches) {
    if (await raiseAlert(db, breach, { now, sink, throttled: throttle === "engaged" || throttle === "active" })) alerted.push(breach.kpi);
  }
  return {
    evaluated: verdicts.length,
    breaches: breaches.map((b) => b.kpi),
    alerted,
    skipped: verdicts.filter((v) => v.status === "skipped").length,
    throttle,
  };
}

/** Records the alert for this KPI and hour; only the pass that created the row notifies. */
async function raiseAlert(db: TenantDb, breach: Breach, options: { now: Date; sink: AlertSink | null; throttled: boolean }): Promise<boolean> {
  const kpi = kpiDefinition(breach.kpi)!;
  const message = describeBreach(kpi, breach);
  const hourStart = startOfHour(options.now);
  const { count } = await db.kpiAlert.createMany({
    data: [{
      kpi: kpi.key,
      hourStart,
      value: breach.value,
      baselineMean: breach.baseline.mean,
      baselineSpread: breach.baseline.spread,
      volume: breach.volume,
      direction: breach.direction,
      message,
      discord: options.sink ? "pending" : "not configured",
      throttled: options.throttled,
      createdAt: options.now,
    }],
    skipDuplicates: true,
  });
  if (count === 0) return false;
  const title = `KPI alert: ${kpi.label} ${breach.direction} its baseline`;
  const body = options.throttled ? `${message} Outbound is throttled until the KPIs clear or an admin lifts it on the KPIs page.` : message;
  await notifyRoles(db, ["owner", "admin"], { kind: "kpi.breach", title, body, data: { kpi: kpi.key, hourStart: hourStart.toISOString(), value: breach.value } });
  if (options.sink) {
    const result = await options.sink.send({ title, body });
    await db.kpiAlert.updateMany({ where: { kpi: kpi.key, hourStart }, data: { discord: result.delivered ? "sent" : "failed" } });
  }
  return true;
}
