/** The direct-mail contract other areas send through (campaigns, the ladder's MAIL step). */
export type MailPieceKindValue = "POSTCARD" | "LETTER";

export interface SendMailPieceInput {
  dealId: string;
  kind: MailPieceKindValue;
  /** The message printed on the piece; merge fields already filled in. */
  body: string;
  campaignId?: string;
  ladderId?: string;
  ladderStep?: number;
  /** "ladder:<step>:<index>", "campaign:<variantId>"... for per-variant reporting. */
  variantKey?: string;
  now?: Date;
  /**
   * Where it goes; each field left out comes from the deal (its contact's name, the property's
   * address). The send form fills them with the deal's and lets the user correct them.
   */
  toName?: string;
  addressLine1?: string;
  addressLine2?: string | null;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: "US" | "CA";
}

/**
 * What became of one piece: CREATED (verified, priced within budget, proof rendered, handed
 * to the provider), BLOCKED by a gate (do-not-contact, area blacklist, an unverifiable
 * address, the monthly budget...) with the reason, or FAILED at the provider. A row is
 * recorded in every case, so the deal's timeline tells it.
 */
export type SendMailPieceResult =
  | { status: "CREATED"; pieceId: string; costCents: number; proofFileId: string | null }
  | { status: "BLOCKED"; pieceId: string; gate: string; reason: string; detail: string }
  | { status: "FAILED"; pieceId: string; error: string };
