/**
 * The approval workflow: a drafting step proposes an email for a person with high intent;
 * a person approves it (as written or edited), edits it, or rejects it with a reason. Only
 * approveDraft sends, and only a draft it has claimed for the approving user: the claim moves
 * it from PENDING to SENDING in one conditional update, so a second approval sends nothing.
 * Every step is audited.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DraftStatus } from "@/generated/prisma/enums";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { sendMessage, startOfLocalDay, type OutboundDeps } from "@/lib/outbound/service";
import type { BlockExplanation } from "@/lib/outbound/block-explanation";
import { isSuppressed } from "@/lib/privacy/suppression";
import { drafterFor } from "@/lib/providers/drafting";
import { getIntentSettings } from "@/lib/signals/settings";
import type { SignalSubject } from "@/lib/signals/types";
import { lockTenantRow } from "@/lib/tenants/settings";
import { buildDraftContext, readPersonEmail, readPersonIntent } from "./context";
import { draftEligibility, sendingAllowance, type SkipReason } from "./eligibility";
import { ApproveDraftInput, EditDraftInput, RejectDraftInput } from "./schema";
import type { Drafter } from "./types";

export type ProposeResult = { status: "PROPOSED"; draftId: string } | { status: "SKIPPED"; reason: SkipReason; detail: string };

export type ApproveResult =
  | { status: "SENT"; messageId: string }
  | { status: "BLOCKED"; gate: string; reason: string; detail: string; fix: BlockExplanation | null }
  | { status: "FAILED"; messageId: string; error: string }
  | { status: "ALREADY_DECIDED"; draftStatus: DraftStatus };

/** The drafting step records its proposals as the system, not as a person. */
const DRAFTING_ACTOR: AuditContext = { actorId: null, actorEmail: "system:drafting", requestId: undefined };

type Db = TenantDb | TenantTransaction;

function personWhere(subject: SignalSubject, email: string): Prisma.EmailDraftWhereInput {
  return { OR: [subject.kind === "lead" ? { dealId: subject.dealId, buyerId: null } : { buyerId: subject.buyerId }, { toAddress: email }] };
}

/** Emails sent from approved drafts to this person (by subject or address) since the workspace's local midnight. */
async function countSentToday(db: Db, where: Prisma.EmailDraftWhereInput, now: Date, except?: string): Promise<number> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { timeZone: true } });
  return db.emailDraft.count({
    where: { AND: [where, { status: "SENT", decidedAt: { gte: startOfLocalDay(now, tenant.timeZone) } }, ...(except ? [{ id: { not: except } }] : [])] },
  });
}

async function readEligibility(db: Db, subject: SignalSubject, email: string | null, score: number, now: Date) {
  const settings = await getIntentSettings(db);
  const address = email ?? "";
  const [consent, dnc, suppressed, pendingDrafts, sentToday] = email
    ? await Promise.all([
        db.contactConsent.findFirst({ where: { channel: "EMAIL", address }, select: { status: true } }),
        db.doNotContact.findFirst({ where: { value: address }, select: { id: true } }),
        isSuppressed(db, { phone: null, email }),
        db.emailDraft.count({ where: { AND: [personWhere(subject, address), { status: { in: ["PENDING", "SENDING"] } }] } }),
        countSentToday(db, personWhere(subject, address), now),
      ])
    : [null, null, false, 0, 0];
  return draftEligibility({
    score,
    threshold: settings.highIntentThreshold,
    email,
    consent: consent?.status ?? null,
    onDoNotContact: Boolean(dnc),
    suppressed,
    pendingDrafts,
    sentToday,
    dailyLimit: settings.emailDailyLimitPerPerson,
  });
}

/**
 * Drafts an email for a person whose intent reached the threshold, when they may get one:
 * email consent on record and not withdrawn, not on the do-not-contact list, no draft
 * already waiting, and under the per-person daily limit. Never sends.
 */
export async function proposeDraft(db: TenantDb, subject: SignalSubject, options: { now?: Date; drafter?: Drafter } = {}): Promise<ProposeResult> {
  const now = options.now ?? new Date();
  const person = await readPersonEmail(db, subject);
  if (!person.found) return { status: "SKIPPED", reason: "not_found", detail: subject.kind === "lead" ? "This lead does not exist" : "This buyer does not exist" };
  const settings = await getIntentSettings(db);
  const intent = await readPersonIntent(db, subject, settings, now);
  const eligibility = await readEligibility(db, subject, person.email, intent.score, now);
  if (!eligibility.eligible) return { status: "SKIPPED", reason: eligibility.reason, detail: eligibility.detail };

  const context = await buildDraftContext(db, subject, { now, settings });
  if (!context) return { status: "SKIPPED", reason: "no_email", detail: "No valid email address is on record for this person" };
  // The drafter may call a language model: outside the transaction.
  const drafter = options.drafter ?? (await drafterFor(db));
  const { proposal, prompt } = await drafter.draft(context);

  return db.$transaction(async (tx) => {
    // Proposals of one workspace queue here, so an event and the sweep cannot both draft for one person.
    await lockTenantRow(tx);
    const again = await readEligibility(tx, subject, context.person.email, intent.score, now);
    if (!again.eligible) return { status: "SKIPPED", reason: again.reason, detail: again.detail };
    const draft = await tx.emailDraft.create({
      data: {
        dealId: subject.kind === "lead" ? subject.dealId : (context.deal?.id ?? null),
        buyerId: subject.kind === "buyer" ? subject.buyerId : null,
        toAddress: context.person.email,
        subject: proposal.subject,
        body: proposal.body,
        proposedSubject: proposal.subject,
        proposedBody: proposal.body,
        reasoning: proposal.reasoning as unknown as Prisma.InputJsonObject,
        confidence: proposal.confidence,
        intentScore: intent.score,
        drafter: drafter.name,
        prompt: (prompt ?? undefined) as Prisma.InputJsonObject | undefined,
        settingsVersion: settings.version,
      },
    });
    await recordAudit(
      tx,
      { action: "draft.proposed", entity: "EmailDraft", entityId: draft.id, after: { intentScore: intent.score, confidence: proposal.confidence, drafter: drafter.name, settingsVersion: settings.version } },
      DRAFTING_ACTOR,
    );
    return { status: "PROPOSED", draftId: draft.id } as const;
  });
}

async function findDraft(db: Db, draftId: string) {
  const draft = await db.emailDraft.findUnique({ where: { id: draftId } });
  if (!draft) throw new ExpectedError("not_found", "This draft does not exist", "draftId");
  return draft;
}

function parseOrThrow<S extends { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } }>(schema: S, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid input", issue?.path.map(String).join(".") || undefined);
}

/** Edits a waiting draft's subject and body (the drafter's version is kept beside them). */
export async function editDraft(db: TenantDb, draftId: string, edits: { subject: string; body: string }, actor: AuditContext): Promise<void> {
  const input = parseOrThrow(EditDraftInput, edits) as EditDraftInput;
  await db.$transaction(async (tx) => {
    const draft = await findDraft(tx, draftId);
    const updated = await tx.emailDraft.updateMany({
      where: { id: draftId, status: "PENDING" },
      data: { subject: input.subject, body: input.body, editedById: actor.actorId, editedAt: new Date() },
    });
    if (updated.count === 0) throw new ExpectedError("conflict", "This draft was already decided and can no longer be edited");
    await recordAudit(tx, { action: "draft.edited", entity: "EmailDraft", entityId: draftId, before: { subject: draft.subject, body: draft.body }, after: input }, actor);
  });
}

/** Rejects a waiting draft with the reason; a draft already decided is left as it is. */
export async function rejectDraft(db: TenantDb, draftId: string, reason: string, actor: AuditContext): Promise<{ status: "REJECTED" } | { status: "ALREADY_DECIDED"; draftStatus: DraftStatus }> {
  const input = parseOrThrow(RejectDraftInput, { reason }) as RejectDraftInput;
  return db.$transaction(async (tx) => {
    const draft = await findDraft(tx, draftId);
    const updated = await tx.emailDraft.updateMany({
      where: { id: draftId, status: "PENDING" },
      data: { status: "REJECTED", rejectReason: input.reason, decidedById: actor.actorId, decidedAt: new Date() },
    });
    if (updated.count === 0) return { status: "ALREADY_DECIDED", draftStatus: draft.status } as const;
    await recordAudit(tx, { action: "draft.rejected", entity: "EmailDraft", entityId: draftId, after: { reason: input.reason } }, actor);
    return { status: "REJECTED" } as const;
  });
}

/** Puts a claimed draft back in the queue with why it did not leave. */
async function returnToQueue(db: TenantDb, draftId: string, refusal: { gate: string | null; reason: string; detail: string }, actor: AuditContext, after: Record<string, unknown>) {
  await db.$transaction(async (tx) => {
    await tx.emailDraft.update({
      where: { id: draftId },
      data: { status: "PENDING", decidedById: null, decidedAt: null, blockedGate: refusal.gate, blockedReason: refusal.reason, blockedDetail: refusal.detail },
    });
    await recordAudit(tx, { action: "draft.blocked", entity: "EmailDraft", entityId: draftId, after: { ...refusal, ...after } }, actor);
  });
}

/**
 * Approves a waiting draft for the acting user and sends it through the outbound core, with
 * `edits` applied first. The draft is claimed (PENDING to SENDING) before anything is sent:
 * a concurrent or repeated approval finds nothing to claim and answers ALREADY_DECIDED. A
 * send the gates refuse, or the provider fails, puts the draft back in the queue with why.
 */
export async function approveDraft(
  db: TenantDb,
  draftId: string,
  actor: AuditContext,
  edits?: { subject?: string; body?: string },
  deps?: OutboundDeps,
  options: { now?: Date } = {},
): Promise<ApproveResult> {
  if (!actor.actorId) throw new ExpectedError("forbidden", "Only a person can approve a draft: sign in, or use an API key that acts as you");
  const approverId = actor.actorId;
  const input = parseOrThrow(ApproveDraftInput, edits ?? {}) as ApproveDraftInput;
  // The instant the gates judge (the contact window, the day of the limits).
  const now = options.now ?? new Date();

  const claim = await db.$transaction(async (tx) => {
    const draft = await findDraft(tx, draftId);
    const edited = (input.subject !== undefined && input.subject !== draft.subject) || (input.body !== undefined && input.body !== draft.body);
    const claimed = await tx.emailDraft.updateMany({
      where: { id: draftId, status: "PENDING" },
      data: {
        status: "SENDING",
        decidedById: approverId,
        decidedAt: now,
        ...(edited ? { subject: input.subject ?? draft.subject, body: input.body ?? draft.body, editedById: approverId, editedAt: now } : {}),
      },
    });
    if (claimed.count === 0) return { claimed: false as const, status: draft.status };
    if (edited) {
      await recordAudit(tx, { action: "draft.edited", entity: "EmailDraft", entityId: draftId, before: { subject: draft.subject, body: draft.body }, after: { subject: input.subject ?? draft.subject, body: input.body ?? draft.body } }, actor);
    }
    return { claimed: true as const, draft: { ...draft, subject: input.subject ?? draft.subject, body: input.body ?? draft.body } };
  });
  if (!claim.claimed) return { status: "ALREADY_DECIDED", draftStatus: claim.status };
  const draft = claim.draft;

  // The limit is checked again at sending: another draft to this person may have gone out since this one was proposed.
  const settings = await getIntentSettings(db);
  const personKey: SignalSubject = draft.buyerId ? { kind: "buyer", buyerId: draft.buyerId } : { kind: "lead", dealId: draft.dealId ?? "" };
  const allowance = sendingAllowance({ sentToday: await countSentToday(db, personWhere(personKey, draft.toAddress), now, draft.id), dailyLimit: settings.emailDailyLimitPerPerson });
  if (!allowance.eligible) {
    await returnToQueue(db, draftId, { gate: "daily_limit", reason: "daily_limit", detail: allowance.detail }, actor, {});
    return { status: "BLOCKED", gate: "daily_limit", reason: "daily_limit", detail: allowance.detail, fix: null };
  }

  let result;
  try {
    result = await sendMessage(
      db,
      { channel: "EMAIL", dealId: draft.dealId ?? undefined, buyerId: draft.buyerId ?? undefined, subject: draft.subject, body: draft.body, footer: "inline", actorId: approverId, now },
      deps,
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await returnToQueue(db, draftId, { gate: null, reason: "send_error", detail }, actor, {});
    throw error;
  }

  if (result.status === "SENT") {
    await db.$transaction(async (tx) => {
      await tx.emailDraft.update({ where: { id: draftId }, data: { status: "SENT", messageId: result.messageId, blockedGate: null, blockedReason: null, blockedDetail: null } });
      await recordAudit(tx, { action: "draft.approved", entity: "EmailDraft", entityId: draftId, after: { messageId: result.messageId, subject: draft.subject } }, actor);
    });
    return { status: "SENT", messageId: result.messageId };
  }
  if (result.status === "BLOCKED") {
    await returnToQueue(db, draftId, { gate: result.gate, reason: result.reason, detail: result.detail }, actor, { messageId: result.messageId });
    return { status: "BLOCKED", gate: result.gate, reason: result.reason, detail: result.detail, fix: result.fix };
  }
  await returnToQueue(db, draftId, { gate: "provider", reason: "send_failed", detail: result.error }, actor, { messageId: result.messageId });
  return { status: "FAILED", messageId: result.messageId, error: result.error };
}
