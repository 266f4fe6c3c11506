/**
 * Running one ladder step, as the ladder's Inngest run calls it after sleeping until the
 * step is due. Each call re-reads the ladder (a stopped ladder runs nothing) and re-checks
 * the contact window at the moment it runs, so a policy edited meanwhile still governs.
 */
import { countLadderStep } from "@/lib/observability/metrics";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { decideCallRegistries } from "@/lib/outbound/call-gate";
import { findLadderStepMessage } from "@/lib/outbound/queries";
import { LADDER_DEAL_SELECT, leadTimeZones, senderNameOf } from "./context";
import { replanPendingSteps, touchesOf } from "./replan";
import { spacedDueInstant, type PolicyContext } from "./schedule";
import { getEffectivePolicy } from "@/lib/policy";
import { readStepStates, type LadderStepState, type StepState } from "./state";
import { renderTemplate, templateValues } from "./template";
import { ladderVariantPrefix, variantsOf, type TemplateVariant } from "@/lib/deliverability/rotation";
import type { SendMailPieceInput, SendMailPieceResult } from "@/lib/mail/types";

/** What the outbound core answers for one message. */
export interface SendResult {
  messageId: string | null;
  status: string;
  gate?: string | null;
  reason?: string | null;
}
export interface SendInput {
  dealId: string;
  channel: "SMS" | "EMAIL";
  body: string;
  subject?: string;
  ladderId: string;
  ladderStep: number;
  now: Date;
  /** An SMS step's wordings, rendered, for the core to rotate (the body is the first). */
  variants?: TemplateVariant[];
}
/** The outbound core's send: the only way a ladder message leaves, with every compliance gate. */
export type LadderSender = (db: TenantDb, input: SendInput) => Promise<SendResult>;
/** The direct-mail service's send (lib/mail/service.ts sendMailPiece, with the ladder as its actor). */
export type LadderMailer = (db: TenantDb, input: SendMailPieceInput) => Promise<SendMailPieceResult>;

/** A step runs when the window is open within this much of the instant it was woken for. */
const ON_TIME_MS = 60_000;

export type StepPlanResult = { action: "end"; status: string } | { action: "run"; dueAt: string };
export type StepRunResult =
  | { outcome: "ended"; status: string }
  | { outcome: "wait"; dueAt: string }
  | { outcome: "done"; step: number; state: StepState; reason?: string | null; completed: boolean };

async function loadLadder(db: TenantDb, ladderId: string) {
  return db.followUpLadder.findFirst({ where: { id: ladderId }, include: { deal: { select: LADDER_DEAL_SELECT } } });
}

async function policyContextFor(db: TenantDb, deal: Prisma.DealGetPayload<{ select: typeof LADDER_DEAL_SELECT }>): Promise<PolicyContext> {
  const policy = deal.region ? await getEffectivePolicy(db, deal.region, deal.market) : null;
  return { policy, timeZones: leadTimeZones(deal), score: deal.score };
}

/**
 * When step `index` (0-based) should run, asked at `at`: never before its stored nominal time,
 * and spaced from the steps that already ran by their actual times (gap and touch cap).
 */
export async function planLadderStep(db: TenantDb, ladderId: string, index: number, at: Date): Promise<StepPlanResult> {
  const ladder = await loadLadder(db, ladderId);
  if (!ladder || ladder.status !== "ACTIVE") return { action: "end", status: ladder?.status ?? "MISSING" };
  const step = readStepStates(ladder.steps)[index];
  if (!step) return { action: "end", status: "NO_SUCH_STEP" };
  const from = new Date(Math.max(Date.parse(step.nominalAt), at.getTime()));
  const earlier = touchesOf(readStepStates(ladder.steps).slice(0, index));
  const due = spacedDueInstant(from, step, earlier, await policyContextFor(db, ladder.deal));
  // No window: run now, and the run records the step as skipped with its reason.
  return { action: "run", dueAt: (due.dueAt ?? from).toISOString() };
}

/** Runs step `index` at `at` (the instant the run woke for it): a message, a call task, or a skip. */
/** The ladder's own mailer: the direct-mail service, with no person as the actor (loaded on a MAIL step's first run). */
const mailThroughService: LadderMailer = async (db, input) => {
  const { sendMailPiece } = await import("@/lib/mail/service");
  return sendMailPiece(db, input, { actorId: null, actorEmail: null, requestId: undefined });
};

export async function runLadderStep(db: TenantDb, ladderId: string, index: number, at: Date, send: LadderSender, mail: LadderMailer = mailThroughService): Promise<StepRunResult> {
  const ladder = await loadLadder(db, ladderId);
  if (!ladder || ladder.status !== "ACTIVE") return { outcome: "ended", status: ladder?.status ?? "MISSING" };
  const steps = readStepStates(ladder.steps);
  const step = steps[index];
  if (!step) return { outcome: "ended", status: "NO_SUCH_STEP" };
  if (step.state !== "scheduled" && step.state !== "skipped") {
    return { outcome: "done", step: step.step, state: step.state, reason: step.reason, completed: index + 1 >= steps.length };
  }
  const context = await policyContextFor(db, ladder.deal);
  const due = spacedDueInstant(at, step, touchesOf(steps.slice(0, index)), context);
  let result: Pick<LadderStepState, "state" | "reason" | "messageId" | "taskId" | "dueAt" | "mailPieceId">;
  if (due.dueAt === null) {
    result = { state: "skipped", reason: `${due.reason}: ${due.detail}`, dueAt: step.dueAt };
  } else if (due.dueAt.getTime() - at.getTime() > ON_TIME_MS) {
    return { outcome: "wait", dueAt: due.dueAt.toISOString() };
  } else if (step.channel === "CALL") {
    // A number on a do-not-call registry gets no call task, as an SMS to it would be refused.
    const registry = await decideCallRegistries(db, ladder.deal.contactPhone, due.dueAt);
    result = registry.allowed
      ? await createCallTask(db, ladder.id, ladder.deal.id, ladder.deal.ownerId, step.step, due.dueAt)
      : { state: "blocked", reason: `dnc_registry: ${registry.reason}`, dueAt: due.dueAt.toISOString() };
  } else if (step.channel === "MAIL") {
    result = await sendStepMailPiece(db, ladder, step, due.dueAt, mail);
  } else {
    result = await sendStepMessage(db, ladder, step, due.dueAt, send);
  }
  const completed = index + 1 >= steps.length;
  const ran = steps.map((s, i) => (i === index ? { ...s, ...result, ranAt: at.toISOString() } : s));
  // The later steps' stored due times follow this step's actual time, as their runs will.
  const next = replanPendingSteps(ran, index + 1, ladder.startedAt, context, at);
  await db.followUpLadder.updateMany({
    where: { id: ladder.id, status: "ACTIVE" },
    data: { steps: next as unknown as Prisma.InputJsonValue, nextStep: index + 1, ...(completed ? { status: "COMPLETED" } : {}) },
  });
  countLadderStep(step.channel, result.state);
  return { outcome: "done", step: step.step, state: result.state, reason: result.reason, completed };
}

async function createCallTask(db: TenantDb, ladderId: string, dealId: string, ownerId: string | null, step: number, dueAt: Date) {
  // The (ladder, step) key makes a retried step find its task instead of adding one.
  await db.followUpTask.createMany({
    data: [{ dealId, ladderId, step, channel: "CALL", ownerId, dueAt }] as Prisma.FollowUpTaskCreateManyInput[],
    skipDuplicates: true,
  });
  const task = await db.followUpTask.findFirst({ where: { ladderId, step }, select: { id: true } });
  return { state: "task_created" as const, taskId: task?.id ?? null, reason: null, dueAt: dueAt.toISOString() };
}

type LoadedLadder = NonNullable<Awaited<ReturnType<typeof loadLadder>>>;

async function sendStepMessage(db: TenantDb, ladder: LoadedLadder, step: LadderStepState, dueAt: Date, send: LadderSender) {
  const channel = step.channel === "EMAIL" ? "EMAIL" : "SMS";
  // A retried step whose message already left answers with that message, not a second one.
  const earlier = await findLadderStepMessage(db, ladder.id, step.step);
  const values = templateValues(ladder.deal, await senderNameOf(db));
  const wordings = channel === "SMS" && step.variants?.length ? [step.template, ...step.variants].map((text) => renderTemplate(text, values)) : null;
  const sent: SendResult = earlier
    ? { messageId: earlier.id, status: earlier.status, reason: earlier.blockedReason }
    : await send(db, {
        dealId: ladder.deal.id,
        channel,
        body: renderTemplate(step.template, values),
        subject: channel === "EMAIL" ? renderTemplate("About {{street}}", values) : undefined,
        ladderId: ladder.id,
        ladderStep: step.step,
        now: dueAt,
        ...(wordings ? { variants: variantsOf(ladderVariantPrefix(step.step), wordings) } : {}),
      });
  const state: StepState = sent.status === "BLOCKED" ? "blocked" : sent.status === "FAILED" ? "failed" : "sent";
  const reason = state === "sent" ? null : [sent.gate, sent.reason].filter(Boolean).join(": ") || sent.status.toLowerCase();
  return { state, reason, messageId: sent.messageId, dueAt: dueAt.toISOString() };
}

/**
 * A MAIL step: one postcard or letter through the direct-mail service, which verifies the
 * address, holds the piece against the budget and the gates, and records it either way. A
 * retried step finds its piece instead of printing a second one. A blocked piece is recorded
 * like a blocked text: state "blocked" with the gate and the reason.
 */
async function sendStepMailPiece(db: TenantDb, ladder: LoadedLadder, step: LadderStepState, dueAt: Date, mail: LadderMailer) {
  const earlier = await db.mailPiece.findFirst({ where: { ladderId: ladder.id, ladderStep: step.step }, select: { id: true, status: true, gate: true, blockedReason: true, error: true } });
  const values = templateValues(ladder.deal, await senderNameOf(db));
  const result: SendMailPieceResult = earlier
    ? earlier.blockedReason
      ? { status: "BLOCKED", pieceId: earlier.id, gate: earlier.gate ?? "mail", reason: earlier.blockedReason, detail: earlier.error ?? "" }
      : earlier.error
        ? { status: "FAILED", pieceId: earlier.id, error: earlier.error }
        : { status: "CREATED", pieceId: earlier.id, costCents: 0, proofFileId: null }
    : await mail(db, {
        dealId: ladder.deal.id,
        kind: step.mailKind ?? "POSTCARD",
        body: renderTemplate(step.template, values),
        ladderId: ladder.id,
        ladderStep: step.step,
        variantKey: `${ladderVariantPrefix(step.step)}:0`,
        now: dueAt,
      });
  const base = { mailPieceId: result.pieceId, messageId: null, dueAt: dueAt.toISOString() };
  if (result.status === "CREATED") return { ...base, state: "sent" as const, reason: null };
  if (result.status === "BLOCKED") return { ...base, state: "blocked" as const, reason: `${result.gate}: ${result.reason}` };
  return { ...base, state: "failed" as const, reason: result.error };
}
