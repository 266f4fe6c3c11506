import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MailPieceWithProof } from "@/lib/mail/proof-links";
import { formatCents, MAIL_STATUS_LABELS, mailStatusVariant } from "./mail-status";

const dateIn = (at: Date, timeZone: string) => at.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone });

/** The deal's postcards and letters with where each stands and its proof. */
export function MailPiecesCard({ pieces, timeZone }: { pieces: MailPieceWithProof[]; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Mail pieces</CardTitle>
      </CardHeader>
      <CardContent>
        {pieces.length === 0 ? (
          <p className="text-sm text-muted-foreground">No postcards or letters yet. Send one above.</p>
        ) : (
          <ul className="grid gap-3" aria-label="Mail pieces">
            {pieces.map((piece) => (
              <li key={piece.id} className="grid gap-1 border-b pb-3 text-sm last:border-b-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{piece.kind === "LETTER" ? "Letter" : "Postcard"}</span>
                  <Badge variant={mailStatusVariant(piece.status)}>{MAIL_STATUS_LABELS[piece.status] ?? piece.status}</Badge>
                  <span className="text-muted-foreground">{formatCents(piece.costCents)}</span>
                </div>
                <p className="text-muted-foreground">
                  To {piece.addressLine1}, {piece.city}, {piece.region} {piece.postalCode}; sent {dateIn(piece.createdAt, timeZone)}
                  {piece.deliveredAt ? `, delivered ${dateIn(piece.deliveredAt, timeZone)}` : piece.expectedDeliveryAt && !["BLOCKED", "FAILED", "RETURNED"].includes(piece.status) ? `, expected ${dateIn(piece.expectedDeliveryAt, timeZone)}` : ""}
                </p>
                {(piece.blockedReason || piece.error) && <p className="text-destructive">{piece.blockedReason ?? piece.error}</p>}
                {piece.proofUrl && (
                  <Link className="w-fit underline underline-offset-4" href={piece.proofUrl} target="_blank" rel="noopener" prefetch={false}>
                    Open the proof (PDF)<span className="sr-only"> of the {piece.kind === "LETTER" ? "letter" : "postcard"} sent {dateIn(piece.createdAt, timeZone)}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
