import type { FormAction } from "@/components/forms/action-types";
import type { TenantDb } from "@/lib/db/tenant";
import { withProofLinks } from "@/lib/mail/proof-links";
import { listMailPiecesOf } from "@/lib/mail/queries";
import type { SendMailPieceResult } from "@/lib/mail/types";
import { MailPiecesCard } from "./mail-pieces-card";
import { SendMailForm, type MailPreview } from "./send-mail-form";

interface DealMailSectionProps {
  db: TenantDb;
  deal: { id: string; contactName: string | null; street: string | null; unit: string | null; city: string | null; region: string | null; postalCode: string | null; country: string | null };
  userId: string;
  timeZone: string;
  actions: { preview: FormAction<MailPreview>; send: FormAction<SendMailPieceResult> };
}

/** The deal page's direct mail: the send form with the lead's mailing address filled in, then the pieces sent. */
export async function DealMailSection({ db, deal, userId, timeZone, actions }: DealMailSectionProps) {
  const pieces = withProofLinks(db, await listMailPiecesOf(db, deal.id, 20), userId);
  const address = {
    toName: deal.contactName ?? "",
    addressLine1: deal.street ?? "",
    addressLine2: deal.unit ?? "",
    city: deal.city ?? "",
    region: deal.region ?? "",
    postalCode: deal.postalCode ?? "",
    country: deal.country === "CA" ? ("CA" as const) : ("US" as const),
  };
  return (
    <>
      <SendMailForm dealId={deal.id} address={address} preview={actions.preview} send={actions.send} />
      <MailPiecesCard pieces={pieces} timeZone={timeZone} />
    </>
  );
}
