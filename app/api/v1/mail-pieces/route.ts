import { apiRoute, withStatus } from "@/lib/http/api-route";
import { listMailPieces } from "@/lib/mail/queries";
import { MailPieceQuery, SendMailPieceSchema } from "@/lib/mail/schema";
import { sendMailPiece } from "@/lib/mail/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/mail-pieces", scope: "mail:read", query: MailPieceQuery }, ({ db, query }) => listMailPieces(db, query));

/** 201 with the piece's outcome: CREATED (with its cost and proof), BLOCKED with the gate and reason, or FAILED. */
export const POST = apiRoute({ route: "/api/v1/mail-pieces", scope: "mail:write", body: SendMailPieceSchema }, async ({ db, body, auditContext }) =>
  withStatus(201, await sendMailPiece(db, body, auditContext)),
);
