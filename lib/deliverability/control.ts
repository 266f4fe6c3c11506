/**
 * The outbound-control engine's pass: for each sender, its 24 h and 7 day figures, the
 * throttle decision, and, when the decision changes anything, the decision recorded with its
 * reasons and figures, the sender updated (in one transaction), and the owners alerted.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { notifyRoles } from "@/lib/notifications/service";
import { isManualDecision, syncConfiguredIdentities } from "./identities";
import { senderStats, type IdentityStats } from "./stats";
import { decideThrottle, DEFAULT_THROTTLE_POLICY, type SenderStatusValue, type ThrottleDecisionResult, type ThrottlePolicy } from "./throttle-rules";

export interface ControlReport {
  senders: number;
  changed: number;
  slowed: number;
  paused: number;
  restored: number;
  /** Senders a person paused by hand, which the engine does not restore. */
  heldByHand: number;
}

/**
 * After a decision a sender is left to settle this long before the next slow or restore step,
 * so one bad batch still inside the 24 h window does not halve it on every pass, and recovery
 * doubles the rate at most every few hours. A pause (a severe breach) is never held back.
 */
export const SETTLE_MS = 6 * 3_600_000;

const ACTION_WORDS: Record<Exclude<ThrottleDecisionResult["action"], "keep">, string> = { slow: "slowed", pause: "paused", restore: "restored" };

export async function runOutboundControl(db: TenantDb, options: { now?: Date; policy?: ThrottlePolicy; env?: Record<string, string | undefined> } = {}): Promise<ControlReport> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_THROTTLE_POLICY;
  await syncConfiguredIdentities(db, options.env);
  const identities = await db.sendingIdentity.findMany({ orderBy: { address: "asc" } });
  const report: ControlReport = { senders: identities.length, changed: 0, slowed: 0, paused: 0, restored: 0, heldByHand: 0 };
  if (identities.length === 0) return report;
  const [stats, latest] = await Promise.all([
    senderStats(db, identities, now),
    db.throttleDecision.findMany({ where: { identityId: { in: identities.map((i) => i.id) } }, orderBy: { createdAt: "desc" }, distinct: ["identityId"], select: { identityId: true, toStatus: true, stats: true } }),
  ]);
  const manualPause = new Set(latest.filter((d) => d.toStatus === "PAUSED" && isManualDecision(d.stats)).map((d) => d.identityId));
  for (const identity of identities) {
    if (manualPause.has(identity.id) && identity.status === "PAUSED") {
      report.heldByHand += 1;
      continue;
    }
    const figures = stats.get(identity.id)!;
    const decision = decideThrottle({ status: identity.status, rate: identity.rate, ...figures }, policy);
    if (decision.action === "keep" || (decision.status === identity.status && decision.rate === identity.rate)) continue;
    const settling = identity.lastDecisionAt !== null && now.getTime() - identity.lastDecisionAt.getTime() < SETTLE_MS;
    if (settling && decision.action !== "pause") continue;
    await applyThrottleDecision(db, identity, decision, figures, now);
    report.changed += 1;
    if (decision.action === "slow") report.slowed += 1;
    if (decision.action === "pause") report.paused += 1;
    if (decision.action === "restore") report.restored += 1;
  }
  return report;
}

/** Records a decision that changes a sender, updates the sender (one transaction), and alerts the owners. */
export async function applyThrottleDecision(
  db: TenantDb,
  identity: { id: string; address: string; status: SenderStatusValue; rate: number },
  decision: ThrottleDecisionResult,
  figures: IdentityStats,
  now: Date,
): Promise<void> {
  if (decision.action === "keep") return;
  const action = decision.action;
  await db.$transaction(async (tx) => {
    await tx.throttleDecision.create({
      data: {
        identityId: identity.id,
        action: decision.action,
        fromStatus: identity.status,
        toStatus: decision.status,
        fromRate: identity.rate,
        toRate: decision.rate,
        reasons: decision.reasons,
        stats: figures as unknown as Prisma.InputJsonObject,
        createdAt: now,
      },
    });
    await tx.sendingIdentity.update({ where: { id: identity.id }, data: { status: decision.status, rate: decision.rate, statusReason: decision.reasons.join(" "), lastDecisionAt: now } });
  });
  await notifyRoles(db, ["owner"], {
    kind: `deliverability.${action}`,
    title: `${identity.address} ${ACTION_WORDS[action]}${decision.status === "SLOWED" ? ` to ${Math.round(decision.rate * 100)} % of its share` : ""}`,
    body: decision.reasons.join(" "),
    data: { identityId: identity.id, href: "/deliverability" },
  });
}
