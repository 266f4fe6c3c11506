import type { ApiOperation } from "@/lib/api/openapi";
import { MailPieceQuery, SendMailPieceSchema } from "./schema";

/** The v1 operations of direct mail, in the OpenAPI document. */
export const MAIL_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/mail-pieces",
    summary:
      "Send a postcard (at most 500 characters) or a letter to a lead: the address (the deal's unless given) is verified, the piece priced against the monthly mail budget, its PDF proof rendered, and it is handed to Lob (or the local provider). Answers { status: CREATED, pieceId, costCents, proofFileId } | { status: BLOCKED, pieceId, gate, reason, detail } (gates: recipient, do_not_contact, area, address, budget) | { status: FAILED, pieceId, error }; 422 names a bad field",
    scope: "mail:write",
    body: SendMailPieceSchema,
    creates: true,
  },
  {
    method: "get",
    path: "/api/v1/mail-pieces",
    summary: "The workspace's mail pieces, newest first, filtered by dealId and status: { rows: [{ id, dealId, kind, status, costCents, expectedDeliveryAt, mailedAt, deliveredAt, returnedAt, gate, blockedReason, ... }], total }",
    scope: "mail:read",
    query: MailPieceQuery,
  },
];
