/** Pieces with a signed, short-lived link to their proof for the person viewing them (proofs are documents). */
import type { TenantDb } from "@/lib/db/tenant";
import { issueFileLink } from "@/lib/files";
import type { MailPieceView } from "./queries";

export type MailPieceWithProof = MailPieceView & { proofUrl: string | null };

export function withProofLinks(db: TenantDb, pieces: MailPieceView[], userId: string): MailPieceWithProof[] {
  return pieces.map((piece) => {
    if (!piece.proofFileId) return { ...piece, proofUrl: null };
    try {
      return { ...piece, proofUrl: issueFileLink(db, piece.proofFileId, `user:${userId}`).url };
    } catch {
      // Without a signing secret no document opens; the piece still shows.
      return { ...piece, proofUrl: null };
    }
  });
}
