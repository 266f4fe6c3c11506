/**
 * The dialer: startCall passes a call through the gates of a text (do-not-contact, opt-out,
 * the do-not-call registries, the lead's calling hours, the daily call cap) and either records
 * it BLOCKED with its reason, dialling nothing, or places it; logCall records how it went.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { CallStatus } from "@/generated/prisma/enums";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { callingHoursAt } from "@/lib/ladder/calling-hours";
import { areaBlacklistOf, type AreaBlacklist } from "@/lib/market/queries";
import { decideCallRegistries } from "@/lib/outbound/call-gate";
import { startOfLocalDay } from "@/lib/outbound/service";
import { capUnderThrottle } from "@/lib/outbound/throttle";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { getEffectivePolicy } from "@/lib/policy";
import { isSuppressed } from "@/lib/privacy/suppression";
import { getTenantWithSettings, lockTenantRow } from "@/lib/tenants/settings";
import { readCallee, type Callee } from "./callee";
import { callingHoursNotice } from "./calling-hours-notice";
import { dialerFor, type Dialer } from "./dialer";
import { getMemberPhone } from "./member-phone";
import { CALL_VIEW, type CallView } from "./queries";
import { decideCall, type CallDecision, type CallGate } from "./rules";
import { StartCallInput } from "./schema";

export interface CallDeps {
  /** Defaults to the workspace's dialer: Twilio when it has a number, else local. */
  dialer?: Dialer;
  /** The app's public URL for Twilio's status callbacks; defaults to NEXTAUTH_URL. */
  baseUrl?: string | null;
  now?: Date;
}

export type StartCallResult =
  | { status: "BLOCKED"; call: CallView; gate: CallGate; reason: string }
  | { status: "PLACED"; call: CallView; provider: string; callerId: string | null }
  | { status: "FAILED"; call: CallView; error: string };

function invalid(error: { issues: { message: string; path: PropertyKey[] }[] }): never {
  const issue = error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid call", issue?.path.map(String).join(".") || undefined);
}

/**
 * Places a call for the member `ctx.actorId`. A refusal is recorded as a BLOCKED call with its
 * gate and reason, and nothing is dialled. Throws ExpectedError for an unknown lead or task,
 * and (field "phone") when Twilio must ring the member first but they have no phone set.
 *
 * ```ts
 * const result = await startCall(db, { dealId, taskId }, ctx);
 * if (result.status === "BLOCKED") show(result.reason); // "Outside calling hours until 9:00 AM (lead's time)"
 * ```
 */
export async function startCall(db: TenantDb, input: StartCallInput, ctx: AuditContext, deps: CallDeps = {}): Promise<StartCallResult> {
  const parsed = StartCallInput.safeParse(input);
  if (!parsed.success) invalid(parsed.error);
  const now = deps.now ?? new Date();
  const party = parsed.data.buyerId ? { buyerId: parsed.data.buyerId } : { dealId: parsed.data.dealId! };
  const callee = await readCallee(db, party);
  const taskId = callee.dealId ? await callTaskFor(db, callee.dealId, parsed.data.taskId ?? null, now) : null;
  const dialer = deps.dialer ?? (await dialerFor(db));
  const agentPhone = await getMemberPhone(db, ctx.actorId);
  if (dialer.ringsAgent && !agentPhone) {
    const why = ctx.actorId
      ? "Set your phone under Your account first: the dialer rings it, then connects the lead"
      : "This API key acts for no member, so there is no phone to ring first: use a key bound to a member who set their phone";
    throw new ExpectedError("invalid", why, "phone");
  }
  const facts = await readUnlockedFacts(db, callee, now);
  const fields = {
    dealId: callee.dealId, buyerId: callee.buyerId, taskId, userId: ctx.actorId, direction: "OUTBOUND" as const,
    toNumber: callee.phone ?? callee.rawPhone ?? "", agentNumber: agentPhone, provider: dialer.name, startedAt: now,
    // The lead sees the workspace's number through Twilio, the member's own when they dial by hand.
    fromNumber: dialer.callerId ?? agentPhone,
  };
  const recorded = await db.$transaction(async (tx) => {
    await lockTenantRow(tx);
    const decision = decideCall(await readLockedFacts(tx, callee, facts, now));
    const status: CallStatus = !decision.allowed ? "BLOCKED" : dialer.dial ? "QUEUED" : "IN_PROGRESS";
    const call = await tx.call.create({
      data: {
        ...fields, status,
        ...(decision.allowed ? {} : { gate: decision.gate, blockedReason: decision.reason }),
        // A call the member places by hand is under way as soon as it is recorded.
        ...(status === "IN_PROGRESS" ? { answeredAt: now } : {}),
      } as Prisma.CallUncheckedCreateInput,
      select: CALL_VIEW,
    });
    await recordAudit(tx, { action: decision.allowed ? "call.started" : "call.blocked", entity: "Call", entityId: call.id, after: auditOf(call, decision) }, ctx);
    return { call, decision };
  });
  const { call, decision } = recorded;
  if (!decision.allowed) return { status: "BLOCKED", call, gate: decision.gate, reason: decision.reason };
  if (!dialer.dial) return { status: "PLACED", call, provider: dialer.name, callerId: null };
  return dialThrough(db, dialer, call, agentPhone!, deps);
}

/** Twilio rings the member, then bridges; a refused request marks the call FAILED with Twilio's words. */
async function dialThrough(db: TenantDb, dialer: Dialer, call: CallView, agentPhone: string, deps: CallDeps): Promise<StartCallResult> {
  const baseUrl = deps.baseUrl === undefined ? publicBaseUrl() : deps.baseUrl;
  const { slug } = await getTenantWithSettings(db);
  try {
    const dialed = await dialer.dial!({
      agentPhone,
      leadPhone: call.toNumber,
      statusCallbackUrl: baseUrl ? `${baseUrl}/api/webhooks/twilio/${slug}/voice?callId=${call.id}` : undefined,
    });
    const updated = await db.call.update({ where: { id: call.id }, data: { providerCallId: dialed.providerCallId, status: dialed.status }, select: CALL_VIEW });
    return { status: "PLACED", call: updated, provider: dialer.name, callerId: dialer.callerId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = await db.call.update({ where: { id: call.id }, data: { status: "FAILED", error: message, endedAt: new Date() }, select: CALL_VIEW });
    return { status: "FAILED", call: failed, error: `The call could not be placed: ${message}` };
  }
}

/**
 * The CALL task the call is for: the one named (an open CALL task of this lead), else the
 * lead's oldest open CALL task already due, so a call from the deal page closes it too.
 */
async function callTaskFor(db: TenantDb, dealId: string, taskId: string | null, now: Date): Promise<string | null> {
  if (taskId) {
    const task = await db.followUpTask.findFirst({ where: { id: taskId, dealId }, select: { id: true, channel: true, status: true } });
    if (!task) throw new ExpectedError("not_found", "This task is not one of the lead's", "taskId");
    if (task.channel !== "CALL") throw new ExpectedError("invalid", "This task is not a call", "taskId");
    if (task.status !== "OPEN") throw new ExpectedError("conflict", `This task is already ${task.status.toLowerCase()}`, "taskId");
    return task.id;
  }
  const due = await db.followUpTask.findFirst({ where: { dealId, channel: "CALL", status: "OPEN", dueAt: { lte: now } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select: { id: true } });
  return due?.id ?? null;
}

interface UnlockedFacts {
  areaBlacklist: AreaBlacklist | null;
  outsideHours: string | null;
  suppressed: boolean;
}

/** What does not change under the lock; read first, since a failed read inside the transaction would abort it. */
async function readUnlockedFacts(db: TenantDb, callee: Callee, now: Date): Promise<UnlockedFacts> {
  const [areaBlacklist, policy, suppressed] = await Promise.all([
    areaBlacklistOf(db, callee).catch(() => ({ areaCode: callee.areaCode ?? callee.postalCode ?? "unknown", reason: "its blacklist could not be read, so its leads are not called until it can" })),
    callee.region ? getEffectivePolicy(db, callee.region, callee.market) : null,
    isSuppressed(db, { phone: callee.phone ?? callee.rawPhone, email: null }),
  ]);
  const hours = callingHoursAt(policy, callee.timeZones, now);
  return { areaBlacklist, outsideHours: callingHoursNotice(hours, now), suppressed };
}

/** Under the workspace lock: the contact's word, the lists and today's count, so concurrent calls count each other. */
async function readLockedFacts(tx: TenantTransaction, callee: Callee, facts: UnlockedFacts, now: Date) {
  const { phone } = callee;
  const tenant = await getTenantWithSettings(tx);
  const [optOuts, dnc, placedToday, registry] = await Promise.all([
    phone ? tx.contactConsent.findMany({ where: { address: phone, channel: { in: ["CALL", "SMS"] }, status: "OPTED_OUT" }, select: { channel: true } }) : [],
    phone ? tx.doNotContact.findFirst({ where: { value: phone }, select: { id: true } }) : null,
    tx.call.count({ where: { direction: "OUTBOUND", status: { not: "BLOCKED" }, startedAt: { gte: startOfLocalDay(now, tenant.timeZone) } } }),
    decideCallRegistries(tx, phone, now),
  ]);
  const optedOutOn = optOuts.some((c) => c.channel === "CALL") ? "CALL" : optOuts.length > 0 ? "SMS" : null;
  // Unreadable settings: a cap of 0, so every call fails closed; a KPI breach throttles calls as it does texts.
  const dailyCap = await capUnderThrottle(tx, tenant.settings?.outboundDailyCapCall ?? 0);
  return { ...facts, phone, buyerActive: callee.buyerActive, optedOutOn, onDoNotContact: Boolean(dnc), registry, placedToday, dailyCap } as const;
}

function auditOf(call: CallView, decision: CallDecision) {
  return { dealId: call.dealId, buyerId: call.buyerId, taskId: call.taskId, to: call.toNumber, provider: call.provider, ...(decision.allowed ? {} : { gate: decision.gate, reason: decision.reason }) };
}

export { logCall } from "./log-call";
