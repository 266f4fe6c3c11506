"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { coldMarketMessage, MAX_SMS_VARIANTS } from "@/lib/blasts/schema";
import { ContentFindings } from "@/components/deliverability/content-findings";
import { checkTemplateContent } from "@/lib/deliverability/content-check";
import {
  buyerFirstName,
  DEFAULT_EMAIL_SUBJECT,
  DEFAULT_EMAIL_TEMPLATE,
  DEFAULT_SMS_TEMPLATE,
  dealMergeValues,
  MERGE_FIELDS,
  mergeTemplate,
  templateError,
  type MergeDeal,
} from "@/lib/blasts/templates";

export interface BlastFormBuyer {
  id: string;
  name: string;
  company: string | null;
  tier: "A" | "B" | "C";
  tierIsNew: boolean;
  /** The match score, shown beside the name. */
  score: number;
  hasPhone: boolean;
  hasEmail: boolean;
}

export interface BlastFormProps {
  dealId: string;
  deal: MergeDeal;
  /** BuyerSettings.showStreetToBuyers: whether {{address}} shows the street. */
  showStreet: boolean;
  /** The matched buyers, best first; tiers A and B start checked. */
  buyers: BlastFormBuyer[];
  segments: { id: string; name: string }[];
  /** The liquidity score of the deal's node; null when the deal has none. */
  liquidityScore: number | null;
  /** BuyerSettings.coldLiquidityScore. */
  coldBelow: number;
  sendBlast: FormAction<{ blastId: string; recipients: number }>;
  /** The deal's latest investor memo, which the emails may carry; null when it has none. */
  memo?: { version: number } | null;
}

const FIELD_LIST = MERGE_FIELDS.map((f) => `{{${f}}}`).join(" ");
/** What the preview shows for the buyer's link: each buyer's is minted when their message leaves. */
const LINK_PREVIEW = "https://…/b/(this buyer's own link)";

/**
 * The blast form of a deal: channels, templates with a live preview of one merged message,
 * the matched buyers (or a saved segment), and the cold-market reason when the market is cold.
 * Errors from the server show beside their fields; a queued blast opens its page.
 */
export function BlastForm({ dealId, deal, showStreet, buyers, segments, liquidityScore, coldBelow, sendBlast, memo = null }: BlastFormProps) {
  const router = useRouter();
  const { onSubmit, pending, errors, state } = useSavingForm(sendBlast);
  useEffect(() => {
    if (state?.ok) router.push(`/blasts/${state.data.blastId}`);
  }, [state, router]);

  const [channels, setChannels] = useState<{ SMS: boolean; EMAIL: boolean }>({ SMS: true, EMAIL: false });
  const [smsTemplate, setSmsTemplate] = useState(DEFAULT_SMS_TEMPLATE);
  const [smsVariants, setSmsVariants] = useState<string[]>([]);
  const [emailSubject, setEmailSubject] = useState(DEFAULT_EMAIL_SUBJECT);
  const [emailTemplate, setEmailTemplate] = useState(DEFAULT_EMAIL_TEMPLATE);
  const [segmentId, setSegmentId] = useState("");
  const [checked, setChecked] = useState<Set<string>>(() => new Set(buyers.filter((b) => b.tier === "A" || b.tier === "B").map((b) => b.id)));

  const cold = liquidityScore !== null && liquidityScore < coldBelow;
  const previewBuyer = buyers.find((b) => checked.has(b.id)) ?? buyers[0];
  const values = useMemo(
    () => ({ ...dealMergeValues(deal, { showStreet }), link: LINK_PREVIEW, buyer_first_name: buyerFirstName(previewBuyer?.name) }),
    [deal, showStreet, previewBuyer?.name],
  );
  // Unknown merge fields show as the user types; the server says the same on submit.
  const liveErrors: Record<string, string | null> = {
    smsTemplate: templateError(smsTemplate),
    emailSubject: templateError(emailSubject),
    emailTemplate: templateError(emailTemplate),
  };
  const errorOf = (field: string) => errors[field] ?? (liveErrors[field] ? [liveErrors[field] as string] : undefined);
  const channelErrors = [...(errors.channels ?? []), ...(errors["channels.0"] ?? [])];
  const audience = segmentId ? null : checked.size;

  function toggle(id: string, on: boolean) {
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate aria-label="Send a blast">
      <input type="hidden" name="dealId" value={dealId} />

      <fieldset className="grid gap-2" aria-describedby={channelErrors.length ? "channels-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Channels</legend>
        <div className="flex flex-wrap gap-4">
          {(["SMS", "EMAIL"] as const).map((channel) => (
            <label key={channel} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="channels"
                value={channel}
                checked={channels[channel]}
                onChange={(e) => setChannels((c) => ({ ...c, [channel]: e.target.checked }))}
                className="size-4 accent-primary"
              />
              {channel === "SMS" ? "SMS" : "Email"}
            </label>
          ))}
        </div>
        {channelErrors.length ? <p id="channels-error" role="alert" className="text-sm font-medium text-destructive">{channelErrors.join(" ")}</p> : null}
      </fieldset>

      <p className="text-sm text-muted-foreground">Merge fields: <code className="break-words">{FIELD_LIST}</code></p>

      {channels.SMS ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="grid content-start gap-3">
            <FormField label={smsVariants.length ? "SMS message (wording 1)" : "SMS message"} htmlFor="smsTemplate" error={errorOf("smsTemplate")} hint={<ContentFindings text={smsTemplate} channel="SMS" />}>
              <Textarea id="smsTemplate" name="smsTemplate" rows={4} maxLength={1000} value={smsTemplate} onChange={(e) => setSmsTemplate(e.target.value)} {...describedBy("smsTemplate", errorOf("smsTemplate"), smsTemplate)} />
            </FormField>
            {smsVariants.map((variant, i) => {
              const fieldId = `smsVariants-${i}`;
              const error = errors[`smsVariants.${i}`] ?? (templateError(variant) ? [templateError(variant) as string] : undefined);
              return (
                <div key={i} className="flex items-start gap-1">
                  <FormField className="flex-1" label={`SMS wording ${i + 2}`} htmlFor={fieldId} error={error} hint={<ContentFindings text={variant} channel="SMS" />}>
                    <Textarea id={fieldId} name="smsVariants" rows={3} maxLength={1000} value={variant} onChange={(e) => setSmsVariants((all) => all.map((v, j) => (j === i ? e.target.value : v)))} {...describedBy(fieldId, error, variant)} />
                  </FormField>
                  <Button type="button" variant="ghost" size="sm" className="mt-6" aria-label={`Remove SMS wording ${i + 2}`} onClick={() => setSmsVariants((all) => all.filter((_, j) => j !== i))}>Remove</Button>
                </div>
              );
            })}
            <div>
              <Button type="button" variant="outline" size="sm" disabled={smsVariants.length >= MAX_SMS_VARIANTS} onClick={() => setSmsVariants((all) => [...all, ""])}>Add a wording</Button>
              <p className="mt-1 text-xs text-muted-foreground">Several wordings rotate, so no two texts in a row from a number read the same.</p>
            </div>
          </div>
          <Preview title={`SMS preview${previewBuyer ? ` for ${previewBuyer.name}` : ""}`} body={mergeTemplate(smsTemplate, values)} />
        </div>
      ) : null}

      {channels.EMAIL ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="grid content-start gap-4">
            <FormField label="Email subject" htmlFor="emailSubject" error={errorOf("emailSubject")}>
              <Input id="emailSubject" name="emailSubject" maxLength={200} value={emailSubject} onChange={(e) => setEmailSubject(e.target.value)} {...fieldErrorProps("emailSubject", { emailSubject: errorOf("emailSubject") })} />
            </FormField>
            <FormField label="Email" htmlFor="emailTemplate" error={errorOf("emailTemplate")} hint="The workspace's postal address and an unsubscribe link are added below it.">
              <Textarea id="emailTemplate" name="emailTemplate" rows={10} value={emailTemplate} onChange={(e) => setEmailTemplate(e.target.value)} {...fieldErrorProps("emailTemplate", { emailTemplate: errorOf("emailTemplate") })} />
            </FormField>
          </div>
          <Preview title="Email preview" subject={mergeTemplate(emailSubject, values)} body={mergeTemplate(emailTemplate, values)} />
        </div>
      ) : null}

      <FormField label="Send to" htmlFor="segmentId" error={errors.segmentId} hint={segments.length ? "The checked buyers below, or every buyer of a saved segment." : "Save a segment on the Buyers page to blast it from here."}>
        <NativeSelect id="segmentId" name="segmentId" value={segmentId} onChange={(e) => setSegmentId(e.target.value)} {...fieldErrorProps("segmentId", errors)}>
          <option value="">The checked buyers below</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>{`Segment: ${s.name}`}</option>
          ))}
        </NativeSelect>
      </FormField>

      <fieldset className="grid gap-2" disabled={Boolean(segmentId)} aria-describedby={errors.buyerIds ? "buyerIds-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{`Matched buyers (${checked.size} of ${buyers.length} checked)`}</legend>
        {buyers.length === 0 ? (
          <p className="text-sm text-muted-foreground">No buyer's buy box admits this deal yet: add buyers or widen their buy boxes, or send to a saved segment.</p>
        ) : (
          <>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="outline" size="sm" onClick={() => setChecked(new Set(buyers.map((b) => b.id)))}>Check all</Button>
              <Button type="button" variant="outline" size="sm" onClick={() => setChecked(new Set())}>Uncheck all</Button>
            </div>
            <ul className="grid max-h-96 gap-1 overflow-y-auto rounded-md border p-2" aria-label="Matched buyers">
              {buyers.map((buyer) => (
                <li key={buyer.id}>
                  <label className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded px-1 py-1 text-sm hover:bg-muted/50">
                    <input type="checkbox" name="buyerIds" value={buyer.id} checked={checked.has(buyer.id)} onChange={(e) => toggle(buyer.id, e.target.checked)} className="size-4 accent-primary" />
                    <span className="font-medium">{buyer.name}</span>
                    {buyer.company ? <span className="text-muted-foreground">{buyer.company}</span> : null}
                    <Badge variant={buyer.tier === "A" ? "success" : buyer.tier === "B" ? "secondary" : "outline"}>{`Tier ${buyer.tier}${buyer.tierIsNew ? " (new)" : ""}`}</Badge>
                    <span className="text-muted-foreground">{`score ${Math.round(buyer.score)}`}</span>
                    {!buyer.hasPhone ? <span className="text-muted-foreground">no phone</span> : null}
                    {!buyer.hasEmail ? <span className="text-muted-foreground">no email</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
        {errors.buyerIds ? <p id="buyerIds-error" role="alert" className="text-sm font-medium text-destructive">{errors.buyerIds.join(" ")}</p> : null}
      </fieldset>

      <div className="grid gap-1">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="attachMemo"
            disabled={!memo}
            className="size-4 accent-primary"
            aria-describedby={errors.attachMemo ? "attachMemo-hint attachMemo-error" : "attachMemo-hint"}
            aria-invalid={errors.attachMemo ? true : undefined}
          />
          {memo ? `Attach the investor memo (v${memo.version}, PDF) to the emails` : "Attach the investor memo to the emails"}
        </label>
        <p id="attachMemo-hint" className="text-sm text-muted-foreground">
          {memo ? "Email only: SMS carries the buyer's link." : "This deal has no memo yet: generate it on the Documents tab."}
        </p>
        {errors.attachMemo ? <p id="attachMemo-error" role="alert" className="text-sm font-medium text-destructive">{errors.attachMemo.join(" ")}</p> : null}
      </div>

      {cold ? (
        <div className="grid gap-3 rounded-md border border-amber-600/50 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950/30 dark:text-amber-100">
          <p className="text-sm font-medium">{`${coldMarketMessage(liquidityScore ?? 0)} (the threshold is ${coldBelow}). Few buyers answer here; your reason is kept in the audit log.`}</p>
          <FormField label="Why send anyway" htmlFor="coldReason" error={errors.coldReason} required>
            <Textarea id="coldReason" name="coldReason" rows={2} maxLength={500} required {...fieldErrorProps("coldReason", errors)} />
          </FormField>
        </div>
      ) : null}

      {state && !state.ok && !state.issues?.length ? <p role="alert" className="text-sm font-medium text-destructive">{state.error}</p> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Queueing..." : audience === null ? "Send the blast to the segment" : `Send the blast to ${audience} buyer${audience === 1 ? "" : "s"}`}
      </Button>
    </form>
  );
}

function Preview({ title, subject, body }: { title: string; subject?: string; body: string }) {
  return (
    <section aria-label={title} className="grid content-start gap-2 rounded-md border bg-muted/30 p-3 text-sm">
      <h3 className="font-medium">{title}</h3>
      {subject !== undefined ? <p><span className="text-muted-foreground">Subject: </span>{subject}</p> : null}
      <p className="whitespace-pre-wrap break-words">{body}</p>
    </section>
  );
}

/** A text field's description: its content findings (the hint) and its error, when there are any. */
function describedBy(fieldId: string, error: string[] | undefined, text: string) {
  const ids = [checkTemplateContent(text, "SMS").length > 0 ? `${fieldId}-hint` : null, error?.length ? `${fieldId}-error` : null].filter(Boolean);
  return { ...(error?.length ? { "aria-invalid": true as const } : {}), ...(ids.length ? { "aria-describedby": ids.join(" ") } : {}) };
}
