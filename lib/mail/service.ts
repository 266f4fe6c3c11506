/**
 * Sending one postcard or letter: validate, gate (do-not-contact, the lead's status, the
 * area's blacklist, address verification, the monthly budget), price, render the proof into
 * document storage, hand it to the provider. A row is recorded whatever happens: BLOCKED
 * with the gate and the reason, FAILED with the provider's error, else the piece's state.
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { storeFile } from "@/lib/files";
import type { Country } from "@/lib/geo";
import { renderTemplate, templateValues } from "@/lib/ladder/template";
import { areaBlacklistOf } from "@/lib/market/queries";
import { isSuppressed } from "@/lib/privacy/suppression";
import { getTenantWithSettings, lockTenantRow } from "@/lib/tenants/settings";
import { decideMailPiece, type MailDecision } from "./gates";
import { estimateMailCost, startOfMailMonth, startOfNextMailMonth } from "./pricing";
import { mailProviderFor, type MailProvider } from "./provider";
import { renderMailProof, type MailProof } from "./render";
import { parseReturnAddress } from "./return-address";
import { SendMailPieceSchema, type SendMailPieceRequest } from "./schema";
import type { SendMailPieceInput, SendMailPieceResult } from "./types";
import type { AddressVerification, MailingAddress } from "./verify-address";

export interface MailDeps {
  /** Defaults to the workspace's: Lob with a key, else the local provider. */
  provider?: MailProvider;
}

/** Pieces that spend the budget: everything handed to a provider. */
const UNSPENT = ["BLOCKED", "FAILED", "CANCELLED"] as const;

const DEAL_FOR_MAIL = {
  id: true, status: true, contactName: true, contactPhone: true, contactEmail: true, street: true, unit: true, city: true, region: true,
  postalCode: true, country: true, areaCode: true,
} as const;
type DealForMail = NonNullable<Awaited<ReturnType<typeof readDeal>>>;

function readDeal(db: TenantDb, dealId: string) {
  return db.deal.findFirst({ where: { id: dealId, deletedAt: null }, select: DEAL_FOR_MAIL });
}

export function parseMailRequest(input: unknown): SendMailPieceRequest {
  const parsed = SendMailPieceSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid mail piece", issue?.path.map(String).join(".") || undefined);
}

/** The piece's address: what the request says, else the deal's (its contact, its property). */
export function recipientOf(request: Partial<SendMailPieceRequest>, deal: Pick<DealForMail, "contactName" | "street" | "unit" | "city" | "region" | "postalCode" | "country">): MailingAddress {
  return {
    toName: request.toName ?? (deal.contactName?.trim() || "Current Resident"),
    addressLine1: request.addressLine1 ?? deal.street ?? "",
    addressLine2: request.addressLine2 ?? deal.unit ?? null,
    city: request.city ?? deal.city ?? "",
    region: request.region ?? deal.region ?? "",
    postalCode: request.postalCode ?? deal.postalCode ?? "",
    country: (request.country ?? deal.country ?? "US") as Country,
  };
}

async function verifyWith(provider: MailProvider, address: MailingAddress): Promise<AddressVerification> {
  try {
    return await provider.verify(address);
  } catch (error) {
    // Fails closed: an address nobody could check is not mailed.
    return { ok: false, field: "addressLine1", reason: `The address could not be verified: ${error instanceof Error ? error.message : String(error)}`, source: "lob" };
  }
}

/** What the month has spent on mail so far (UTC calendar month). */
export async function mailSpentThisMonth(db: TenantDb | TenantTransaction, at: Date): Promise<number> {
  const spent = await db.mailPiece.aggregate({ where: { createdAt: { gte: startOfMailMonth(at), lt: startOfNextMailMonth(at) }, status: { notIn: [...UNSPENT] } }, _sum: { costCents: true } });
  return spent._sum.costCents ?? 0;
}

/** Verification, cost and budget for the form, before anything is sent. */
export async function previewMailPiece(db: TenantDb, input: unknown, deps: MailDeps = {}) {
  const request = parseMailRequest(input);
  const deal = await readDeal(db, request.dealId);
  if (!deal) throw new ExpectedError("not_found", "This lead does not exist", "dealId");
  const provider = deps.provider ?? (await mailProviderFor(db));
  const to = recipientOf(request, deal);
  const verification = await verifyWith(provider, to);
  const tenant = await getTenantWithSettings(db);
  const costCents = estimateMailCost(request.kind, to.country);
  return { verification, costCents, usedCents: await mailSpentThisMonth(db, new Date()), budgetCents: tenant.settings?.mailMonthlyBudgetCents ?? null };
}

export async function sendMailPiece(db: TenantDb, input: SendMailPieceInput, ctx: AuditContext, deps: MailDeps = {}): Promise<SendMailPieceResult> {
  const request = parseMailRequest(input);
  const at = input.now instanceof Date && !Number.isNaN(input.now.getTime()) ? input.now : new Date();
  const deal = await readDeal(db, request.dealId);
  if (!deal) throw new ExpectedError("not_found", "This lead does not exist", "dealId");
  const tenant = await getTenantWithSettings(db);
  const provider = deps.provider ?? (await mailProviderFor(db));
  const to = recipientOf(request, deal);
  const body = renderTemplate(request.body, templateValues(deal, tenant.name));
  // Read before the lock: a verification is a network call, and a failed read inside the
  // transaction would abort it before the refusal could be recorded.
  const verification = await verifyWith(provider, to);
  const onDoNotContact = await isOnDoNotContact(db, deal);
  const areaBlacklist = await areaBlacklistOf(db, deal).catch(() => ({ areaCode: deal.areaCode ?? deal.postalCode ?? "unknown", reason: "its blacklist could not be read" }));
  const address = verification.ok ? verification.address : to;
  const costCents = estimateMailCost(request.kind, address.country);
  const fields = {
    dealId: deal.id, campaignId: request.campaignId ?? null, ladderId: request.ladderId ?? null, ladderStep: request.ladderStep ?? null,
    kind: request.kind, toName: address.toName, addressLine1: address.addressLine1, addressLine2: address.addressLine2 ?? null, city: address.city,
    region: address.region, postalCode: address.postalCode, country: address.country, body, variantKey: request.variantKey ?? null,
    provider: provider.name, createdById: ctx.actorId, createdAt: at,
  };
  const gated = await db.$transaction(async (tx) => {
    // Concurrent pieces queue on the workspace row, so each counts the others against the budget.
    await lockTenantRow(tx);
    const decision: MailDecision = decideMailPiece({
      dealStatus: deal.status, onDoNotContact, areaBlacklist, verification, costCents,
      usedCents: await mailSpentThisMonth(tx, at), budgetCents: tenant.settings?.mailMonthlyBudgetCents ?? null,
    });
    const piece = await tx.mailPiece.create({
      data: decision.allowed ? { ...fields, status: "CREATED", costCents } : { ...fields, status: "BLOCKED", costCents: 0, gate: decision.gate, blockedReason: decision.detail },
      select: { id: true },
    });
    await recordAudit(tx, { action: decision.allowed ? "mail_piece.created" : "mail_piece.blocked", entity: "MailPiece", entityId: piece.id, after: { kind: fields.kind, dealId: deal.id, costCents, ...(decision.allowed ? {} : { gate: decision.gate, reason: decision.reason }) } }, ctx);
    return { pieceId: piece.id, decision };
  });
  if (!gated.decision.allowed) {
    return { status: "BLOCKED", pieceId: gated.pieceId, gate: gated.decision.gate, reason: gated.decision.reason, detail: gated.decision.detail };
  }
  const proof: MailProof = { kind: request.kind, body, to: address, sender: { name: tenant.name, postalAddress: tenant.settings?.postalAddress ?? null }, date: at };
  return handOver(db, provider, gated.pieceId, proof, { dealId: deal.id, at, costCents, from: parseReturnAddress(tenant.name, tenant.settings?.postalAddress), actorId: ctx.actorId });
}

async function isOnDoNotContact(db: TenantDb, deal: DealForMail): Promise<boolean> {
  const values = [normalizePhone(deal.contactPhone), normalizeEmail(deal.contactEmail)].filter((v): v is string => Boolean(v));
  const [listed, suppressed] = await Promise.all([
    values.length ? db.doNotContact.count({ where: { value: { in: values } } }) : 0,
    isSuppressed(db, { phone: deal.contactPhone, email: deal.contactEmail }),
  ]);
  return listed > 0 || suppressed;
}

/** Renders and stores the proof, then hands the piece to the provider; a refusal marks it FAILED. */
async function handOver(
  db: TenantDb,
  provider: MailProvider,
  pieceId: string,
  proof: MailProof,
  options: { dealId: string; at: Date; costCents: number; from: MailingAddress | null; actorId: string | null },
): Promise<SendMailPieceResult> {
  let proofFileId: string | null = null;
  try {
    const bytes = await renderMailProof(proof);
    const file = await storeFile(db, { purpose: "mail_proof", dealId: options.dealId, fileName: `${proof.kind.toLowerCase()}-${pieceId}.pdf`, contentType: "application/pdf", bytes, createdById: options.actorId });
    proofFileId = file.id;
    const handed = await provider.send({ id: pieceId, proof, from: options.from, at: options.at });
    const costCents = handed.costCents ?? options.costCents;
    await db.mailPiece.update({
      where: { id: pieceId },
      data: { status: handed.status, proofFileId, providerPieceId: handed.providerPieceId, costCents, expectedDeliveryAt: handed.expectedDeliveryAt, nextTransitionAt: handed.nextTransitionAt },
    });
    return { status: "CREATED", pieceId, costCents, proofFileId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.mailPiece.update({ where: { id: pieceId }, data: { status: "FAILED", error: message, proofFileId, costCents: 0, nextTransitionAt: null } });
    return { status: "FAILED", pieceId, error: message };
  }
}
