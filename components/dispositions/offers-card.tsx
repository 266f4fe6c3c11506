"use client";

import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { NOTE_MAX, PROOF_OF_FUNDS_MAX, type OfferDecisionInput } from "@/lib/dispositions/schema";
import { ActionButton } from "./action-button";

export interface OfferView {
  id: string;
  buyerName: string;
  buyerCompany: string | null;
  amount: number;
  proofOfFunds: string | null;
  closingDate: string | null;
  note: string | null;
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  fromBuyerPage: boolean;
  createdAt: string;
}

interface OffersCardProps {
  dealId: string;
  offers: OfferView[];
  /** Buyers the team may record an offer for (the deal's matches). */
  buyers: { id: string; name: string }[];
  /** The deal's contract price, to show each offer's fee. */
  contractPrice: number | null;
  actions?: {
    decide: DirectAction<OfferDecisionInput, { decision: string }>;
    recordOffer: FormAction<{ offerId: string }>;
  };
}

const money = (amount: number) => `$${amount.toLocaleString("en-US")}`;
const STATUS_VARIANT = { PENDING: "secondary", ACCEPTED: "success", DECLINED: "outline", WITHDRAWN: "outline" } as const;

function TeamOfferForm({ dealId, buyers, recordOffer }: { dealId: string; buyers: OffersCardProps["buyers"]; recordOffer: FormAction<{ offerId: string }> }) {
  const { onSubmit, pending, errors } = useSavingForm(recordOffer, undefined, (formData) => formData.set("dealId", dealId));
  const ids = { buyer: "team-offer-buyer", amount: "team-offer-amount", pof: "team-offer-pof", closing: "team-offer-closing", note: "team-offer-note" };
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 border-t pt-4" aria-label="Record an offer">
      <h3 className="text-sm font-semibold">Record an offer received by phone or email</h3>
      <FormField label="Buyer" htmlFor={ids.buyer} error={errors.buyerId} required>
        <NativeSelect id={ids.buyer} name="buyerId" defaultValue="" {...fieldErrorProps(ids.buyer, { [ids.buyer]: errors.buyerId })}>
          <option value="">Choose the buyer</option>
          {buyers.map((b) => (
            <option key={b.id} value={b.id}>{b.name}</option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Amount" htmlFor={ids.amount} error={errors.amount} hint="Whole dollars, e.g. 185000 or $185k." required>
        <Input id={ids.amount} name="amount" inputMode="numeric" {...fieldErrorProps(ids.amount, { [ids.amount]: errors.amount })} />
      </FormField>
      <FormField label="Proof of funds (optional)" htmlFor={ids.pof} error={errors.proofOfFunds}>
        <Textarea id={ids.pof} name="proofOfFunds" rows={2} maxLength={PROOF_OF_FUNDS_MAX} {...fieldErrorProps(ids.pof, { [ids.pof]: errors.proofOfFunds })} />
      </FormField>
      <FormField label="Closing date (optional)" htmlFor={ids.closing} error={errors.closingDate}>
        <Input id={ids.closing} name="closingDate" type="date" {...fieldErrorProps(ids.closing, { [ids.closing]: errors.closingDate })} />
      </FormField>
      <FormField label="Note (optional)" htmlFor={ids.note} error={errors.note}>
        <Textarea id={ids.note} name="note" rows={2} maxLength={NOTE_MAX} {...fieldErrorProps(ids.note, { [ids.note]: errors.note })} />
      </FormField>
      <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Record offer"}</Button>
    </form>
  );
}

/** The buyers' offers on the deal, the accepted one first, with Accept and Decline on the pending ones. */
export function OffersCard({ dealId, offers, buyers, contractPrice, actions }: OffersCardProps) {
  const hasAccepted = offers.some((o) => o.status === "ACCEPTED");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Offers</CardTitle>
        <CardDescription>{offers.length === 0 ? "No offers yet. Buyers make them from the link in a blast, or record one received by phone." : `${offers.length} offer${offers.length === 1 ? "" : "s"}.`}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {offers.length > 0 && (
          <ul className="grid gap-3" aria-label="Offers">
            {offers.map((offer) => (
              <li key={offer.id} className="grid gap-1 rounded-lg border p-3" data-testid="buyer-offer">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">
                    {offer.buyerName}
                    {offer.buyerCompany && <span className="font-normal text-muted-foreground"> · {offer.buyerCompany}</span>}
                  </span>
                  <Badge variant={STATUS_VARIANT[offer.status]}>{offer.status.toLowerCase()}</Badge>
                </div>
                <p className="text-lg font-semibold tabular-nums">
                  {money(offer.amount)}
                  {contractPrice !== null && (
                    <span className="ml-2 text-sm font-normal text-muted-foreground">fee {offer.amount >= contractPrice ? money(offer.amount - contractPrice) : `below contract by ${money(contractPrice - offer.amount)}`}</span>
                  )}
                </p>
                <p className="text-xs text-muted-foreground">
                  {offer.fromBuyerPage ? "From the buyer's page" : "Recorded by the team"} · {offer.createdAt.slice(0, 10)}
                  {offer.closingDate && ` · closing ${offer.closingDate.slice(0, 10)}`}
                </p>
                {offer.proofOfFunds && <p className="text-sm">Proof of funds: {offer.proofOfFunds}</p>}
                {offer.note && <p className="text-sm text-muted-foreground">{offer.note}</p>}
                {actions && offer.status === "PENDING" && (
                  <div className="mt-1 flex flex-wrap gap-2">
                    {!hasAccepted && (
                      <ActionButton action={actions.decide} input={{ offerId: offer.id, decision: "accept" }} variant="default" label="Accept" pendingLabel="Accepting..." done="Offer accepted" ariaLabel={`Accept the offer of ${offer.buyerName}, ${money(offer.amount)}`} />
                    )}
                    <ActionButton action={actions.decide} input={{ offerId: offer.id, decision: "decline" }} label="Decline" pendingLabel="Declining..." done="Offer declined" ariaLabel={`Decline the offer of ${offer.buyerName}, ${money(offer.amount)}`} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {actions && buyers.length > 0 && <TeamOfferForm dealId={dealId} buyers={buyers} recordOffer={actions.recordOffer} />}
      </CardContent>
    </Card>
  );
}
