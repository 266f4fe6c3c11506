/** Reading mail pieces: a deal's, for its timeline and its thread. lib/mail/service.ts writes them. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

export const MAIL_PIECE_VIEW = {
  id: true, dealId: true, campaignId: true, kind: true, status: true, toName: true, addressLine1: true, addressLine2: true,
  city: true, region: true, postalCode: true, country: true, body: true, costCents: true, provider: true, proofFileId: true,
  expectedDeliveryAt: true, mailedAt: true, deliveredAt: true, returnedAt: true, gate: true, blockedReason: true, error: true, createdAt: true,
} as const;

/** The deal's mail pieces, newest first. */
export async function listMailPiecesOf(db: TenantDb | TenantTransaction, dealId: string, limit = 200) {
  return db.mailPiece.findMany({ where: { dealId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: MAIL_PIECE_VIEW });
}
export type MailPieceView = Awaited<ReturnType<typeof listMailPiecesOf>>[number];

/** The workspace's pieces, newest first, filtered by deal and status (the /mail page, GET /api/v1/mail-pieces). */
export async function listMailPieces(db: TenantDb | TenantTransaction, query: { dealId?: string; status?: string; limit: number }) {
  const where = { ...(query.dealId ? { dealId: query.dealId } : {}), ...(query.status ? { status: query.status as MailPieceView["status"] } : {}) };
  const [rows, total] = await Promise.all([
    db.mailPiece.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit, select: MAIL_PIECE_VIEW }),
    db.mailPiece.count({ where }),
  ]);
  return { rows, total };
}
