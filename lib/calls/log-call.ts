/**
 * Logging a call: its outcome, notes and length end it, close the CALL task it was for, and
 * a "do not call" request opts the number out of calls and texts and lists it as do-not-contact.
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError, isExpectedError } from "@/lib/errors";
import { completeTask } from "@/lib/ladder/inbox";
import { addDoNotContact, applyConsent } from "@/lib/outbound/consent";
import { normalizePhone } from "@/lib/contact/address";
import { LOCAL_DIALER } from "./dialer";
import { CALL_VIEW, type CallView } from "./queries";
import { ENDED_STATUSES, outcomeEffects } from "./rules";
import { LogCallInput } from "./schema";

export interface LogCallResult {
  call: CallView;
  /** The task the outcome closed; null when the call was for none or it was closed already. */
  completedTaskId: string | null;
  optedOut: boolean;
}

export async function logCall(db: TenantDb, callId: string, input: LogCallInput, ctx: AuditContext, options: { now?: Date } = {}): Promise<LogCallResult> {
  const parsed = LogCallInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue?.message ?? "Invalid call log", issue?.path.map(String).join(".") || undefined);
  }
  const { outcome, notes, durationSeconds } = parsed.data;
  const effects = outcomeEffects(outcome);
  const now = options.now ?? new Date();
  const logged = await db.$transaction(async (tx) => {
    const call = await tx.call.findFirst({ where: { id: callId } });
    if (!call) throw new ExpectedError("not_found", "This call does not exist", "callId");
    if (call.status === "BLOCKED") throw new ExpectedError("conflict", "This call was not placed, so there is nothing to log", "callId");
    if (call.outcome) throw new ExpectedError("conflict", "This call is already logged", "callId");
    const ended = ENDED_STATUSES.includes(call.status);
    // The provider's own measure wins over a typed length; a call by hand lasts what the member says, else since it started.
    const length = call.provider !== LOCAL_DIALER && call.durationSeconds !== null ? call.durationSeconds : (durationSeconds ?? Math.max(0, Math.round((now.getTime() - call.startedAt.getTime()) / 1000)));
    const updated = await tx.call.update({
      where: { id: call.id },
      data: { outcome, notes: notes ?? null, durationSeconds: length, endedAt: call.endedAt ?? now, ...(ended ? {} : { status: effects.status }) },
      select: CALL_VIEW,
    });
    const phone = normalizePhone(call.toNumber);
    if (effects.optOut && phone) {
      // A request not to be called covers texts to the same number: both stop, and the lead's ladder with them.
      for (const channel of ["CALL", "SMS"] as const) {
        await applyConsent(tx, { channel, address: phone, status: "OPTED_OUT", source: "call:do_not_call", note: notes ?? "Asked not to be called" });
      }
    }
    await recordAudit(tx, { action: "call.logged", entity: "Call", entityId: call.id, before: { status: call.status }, after: { status: updated.status, outcome, durationSeconds: length, notes } }, ctx);
    return { call: updated, phone };
  });
  if (effects.optOut && logged.phone) await listAsDoNotContact(db, logged.phone, ctx);
  const completedTaskId = logged.call.taskId ? await closeTask(db, logged.call.taskId, effects.taskOutcome, notes, ctx, now) : null;
  return { call: logged.call, completedTaskId, optedOut: effects.optOut && Boolean(logged.phone) };
}

async function listAsDoNotContact(db: TenantDb, phone: string, ctx: AuditContext) {
  try {
    await addDoNotContact(db, { value: phone, reason: "Asked not to be called (call log)" }, ctx);
  } catch (error) {
    // Already on the list: nothing to add.
    if (!(isExpectedError(error) && error.code === "conflict")) throw error;
  }
}

/**
 * Closes the call's task with the outcome. The call passed the calling-hours gate when it
 * started, so a log written after the window closed is not asked to confirm the hour again.
 */
async function closeTask(db: TenantDb, taskId: string, outcome: ReturnType<typeof outcomeEffects>["taskOutcome"], notes: string | undefined, ctx: AuditContext, now: Date) {
  try {
    await completeTask(db, { taskId, resolution: "done", outcome, notes, outsideHoursConfirmed: true }, ctx, { now });
    return taskId;
  } catch (error) {
    // Closed meanwhile (by hand in the inbox): the call stays logged.
    if (isExpectedError(error) && (error.code === "conflict" || error.code === "not_found")) return null;
    throw error;
  }
}
