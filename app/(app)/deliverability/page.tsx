import type { Metadata } from "next";
import Link from "next/link";
import { AddSenderForm } from "@/components/deliverability/add-sender-form";
import { DecisionLog } from "@/components/deliverability/decision-log";
import { SenderCard } from "@/components/deliverability/sender-card";
import { SenderStatusForm } from "@/components/deliverability/sender-status-form";
import { VariantTable } from "@/components/deliverability/variant-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Activity } from "@/components/ui/icons";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { listDecisions, listSenders } from "@/lib/deliverability/overview";
import { DEFAULT_THROTTLE_POLICY as policy } from "@/lib/deliverability/throttle-rules";
import { VARIANT_REPORT_DAYS, variantReport } from "@/lib/deliverability/variant-report";
import { addSenderAction, setSenderStatusAction } from "./actions";

export const metadata: Metadata = { title: "Deliverability" };
export const dynamic = "force-dynamic";

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** Sending numbers and domains under outbound control: figures, status, decisions and the rotated wordings' results. */
export default async function DeliverabilityPage() {
  const ctx = await requirePage("deliverability:read");
  const manage = can(ctx.role, "deliverability:manage");
  const [senders, decisions, variants] = await Promise.all([listSenders(ctx.db), listDecisions(ctx.db), variantReport(ctx.db)]);
  const zone = ctx.tenant.timeZone;
  const when = (d: Date) => d.toLocaleString("en-US", { timeZone: zone, dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Deliverability</h1>
        <p className="text-sm text-muted-foreground">
          {`Outbound control watches each sending number and email domain. Delivery under ${pct(policy.minDeliveryRate)}, opt-outs over ${pct(policy.maxOptOutRate)} or replies falling under half of the week's baseline slow a sender (far worse pauses it); it is restored step by step as its figures recover. Nothing is judged on fewer than ${policy.minSample} messages. Times in ${zone}.`}
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle><h2>Senders</h2></CardTitle>
          <CardDescription>Texts leave from the active number with the most room; a slowed number carries its rate of its share of the daily cap, a paused one nothing.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {senders.length === 0 ? (
            <EmptyState icon={Activity} title="No sender configured" description="Add your Twilio numbers and email domain below (the Twilio number and SendGrid address set under Integrations join on the next check). Until then texts leave from the provider's own number." />
          ) : (
            <ul className="grid gap-3" aria-label="Senders">
              {senders.map((sender) => (
                <SenderCard
                  key={sender.id}
                  sender={sender}
                  when={when}
                  manage={manage ? <SenderStatusForm identityId={sender.id} address={sender.address} paused={sender.status === "PAUSED"} setStatus={setSenderStatusAction} /> : undefined}
                />
              ))}
            </ul>
          )}
          {manage ? (
            <div className="grid gap-2 border-t pt-4">
              <h3 className="text-sm font-medium">Add a sender</h3>
              <AddSenderForm addSender={addSenderAction} />
            </div>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle><h2>Results per wording</h2></CardTitle>
          <CardDescription>{`Texts with several wordings rotate them; each wording's replies and opt-outs over the last ${VARIANT_REPORT_DAYS} days.`}</CardDescription>
        </CardHeader>
        <CardContent>
          {variants.length === 0 ? (
            <EmptyState title="No rotated wordings sent yet" description={<>Add wordings to an SMS step of the <Link href="/settings/ladder" className="underline underline-offset-4">follow-up ladder</Link>, or to a blast&apos;s text.</>} />
          ) : (
            <VariantTable rows={variants} />
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle><h2>Decision history</h2></CardTitle>
          <CardDescription>Every slow, pause and restore, with its reason; each one alerted the owners.</CardDescription>
        </CardHeader>
        <CardContent>
          {decisions.length === 0 ? <EmptyState title="No decision yet" description="Decisions appear here when a sender is slowed, paused or restored." /> : <DecisionLog decisions={decisions} when={when} />}
        </CardContent>
      </Card>
    </div>
  );
}
