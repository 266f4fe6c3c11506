/**
 * Buyer deal links: the signed, unguessable, expiring address of the public page where one
 * buyer sees one deal. The token is 32 random bytes; only its SHA-256 is stored, so the
 * table cannot hand anyone a working link. One link per deal and buyer: issuing again
 * (a new blast of the same deal) gives a fresh token and expiry and lifts a revocation.
 */
import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { tenantDbForBuyerDealLink } from "@/lib/db/edge";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";

const DAY_MS = 24 * 60 * 60 * 1000;
/** base64url of 32 bytes; anything else is not one of our tokens and is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newBuyerLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashBuyerLinkToken(token: string): string {
  return createHash("sha256").update(`buyer-deal-link:${token}`).digest("hex");
}

export function isBuyerLinkTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The public page of a token: `<base>/b/<token>`. */
export function buyerDealUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/b/${token}`;
}

export interface IssueBuyerDealLinksInput {
  dealId: string;
  buyerIds: string[];
  blastId?: string | null;
  ttlDays: number;
  baseUrl: string;
}

/**
 * Issues (or re-issues) one link per buyer for this deal, in the caller's transaction, and
 * returns buyerId -> absolute URL. Re-issuing replaces the stored hash, so an older token of
 * the same deal and buyer stops working.
 */
export async function issueBuyerDealLinks(tx: TenantTransaction, input: IssueBuyerDealLinksInput, now = new Date()): Promise<Map<string, string>> {
  if (!Number.isInteger(input.ttlDays) || input.ttlDays < 1) throw new ExpectedError("invalid", "A link lives at least one day.", "ttlDays");
  const buyerIds = [...new Set(input.buyerIds)];
  const urls = new Map<string, string>();
  if (buyerIds.length === 0) return urls;
  const expiresAt = new Date(now.getTime() + input.ttlDays * DAY_MS);
  const blastId = input.blastId ?? null;

  const existing = await tx.buyerDealLink.findMany({ where: { dealId: input.dealId, buyerId: { in: buyerIds } }, select: { id: true, buyerId: true } });
  const existingByBuyer = new Map(existing.map((link) => [link.buyerId, link.id]));
  const fresh: { dealId: string; buyerId: string; blastId: string | null; tokenHash: string; expiresAt: Date }[] = [];
  for (const buyerId of buyerIds) {
    const token = newBuyerLinkToken();
    urls.set(buyerId, buyerDealUrl(input.baseUrl, token));
    const linkId = existingByBuyer.get(buyerId);
    if (linkId) {
      await tx.buyerDealLink.update({
        where: { id: linkId },
        data: { tokenHash: hashBuyerLinkToken(token), expiresAt, revokedAt: null, ...(blastId ? { blastId } : {}) },
      });
    } else {
      fresh.push({ dealId: input.dealId, buyerId, blastId, tokenHash: hashBuyerLinkToken(token), expiresAt });
    }
  }
  if (fresh.length > 0) await tx.buyerDealLink.createMany({ data: fresh });
  return urls;
}

export type LinkRefusal = "unknown" | "revoked" | "expired";

export interface ResolvedBuyerDealLink {
  db: TenantDb;
  link: { id: string; dealId: string; buyerId: string; blastId: string | null; expiresAt: Date };
}

/**
 * The workspace and link a token opens, or why it opens nothing. Used by the public page
 * outside any session: the token alone names the workspace. Unknown tokens are 404 to the
 * page; revoked and expired ones are 410 (the link existed and is gone for good).
 */
export async function resolveBuyerDealLink(
  token: string,
  now = new Date(),
): Promise<{ ok: true; value: ResolvedBuyerDealLink } | { ok: false; refusal: LinkRefusal }> {
  if (!isBuyerLinkTokenShape(token)) return { ok: false, refusal: "unknown" };
  const tokenHash = hashBuyerLinkToken(token);
  const db = await tenantDbForBuyerDealLink(tokenHash);
  if (!db) return { ok: false, refusal: "unknown" };
  const link = await db.buyerDealLink.findUnique({
    where: { tokenHash },
    select: { id: true, dealId: true, buyerId: true, blastId: true, expiresAt: true, revokedAt: true },
  });
  if (!link) return { ok: false, refusal: "unknown" };
  if (link.revokedAt) return { ok: false, refusal: "revoked" };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, refusal: "expired" };
  return { ok: true, value: { db, link: { id: link.id, dealId: link.dealId, buyerId: link.buyerId, blastId: link.blastId, expiresAt: link.expiresAt } } };
}

/** Counts a view of the page on its link (the feedback event is recorded separately, deduplicated). */
export async function noteBuyerDealLinkView(tx: TenantTransaction, linkId: string, now = new Date()): Promise<void> {
  await tx.buyerDealLink.update({ where: { id: linkId }, data: { views: { increment: 1 }, lastViewedAt: now } });
}

/** Stops a link at once; the page answers 410 from then on. Revoking twice changes nothing more. */
export async function revokeBuyerDealLink(db: TenantDb, linkId: string, actor: AuditContext, now = new Date()): Promise<{ revokedAt: Date }> {
  return db.$transaction(async (tx) => {
    const link = await tx.buyerDealLink.findUnique({ where: { id: linkId }, select: { id: true, dealId: true, buyerId: true, revokedAt: true } });
    if (!link) throw new ExpectedError("not_found", "No such buyer link.");
    if (link.revokedAt) return { revokedAt: link.revokedAt };
    await tx.buyerDealLink.update({ where: { id: link.id }, data: { revokedAt: now } });
    await recordAudit(
      tx,
      { action: "buyer_link.revoked", entity: "BuyerDealLink", entityId: link.id, before: { revokedAt: null }, after: { revokedAt: now, dealId: link.dealId, buyerId: link.buyerId } },
      actor,
    );
    return { revokedAt: now };
  });
}

/** The links issued for a deal, by buyer, for the deal's Buyers tab. */
export async function listDealLinks(db: TenantDb, dealId: string) {
  return db.buyerDealLink.findMany({
    where: { dealId },
    select: { id: true, buyerId: true, expiresAt: true, revokedAt: true, views: true, lastViewedAt: true, createdAt: true },
  });
}
