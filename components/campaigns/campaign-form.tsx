"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { wallTimeToInstant } from "@/lib/campaigns/schedule";
import { MAX_VARIANTS, variantLabel } from "@/lib/campaigns/schema";
import { CAMPAIGN_MERGE_FIELDS, FOOTER_FIELDS } from "@/lib/campaigns/templates";
import { checkTemplateContent } from "@/lib/deliverability/content-check";

export interface CampaignFormProps {
  views: { id: string; name: string }[];
  /** The workspace's buyer segments; with none, the audience is a saved Prospects view. */
  segments: { id: string; name: string }[];
  /** The workspace's time zone, which "Start at" is read in. */
  timeZone: string;
  /** Its name as people read it: "Eastern Time". */
  timeZoneLabel: string;
  createCampaign: FormAction<{ id: string }>;
}

const FIELDS = [...CAMPAIGN_MERGE_FIELDS, ...FOOTER_FIELDS].map((f) => `{{${f}}}`).join(" ");
const FIRST_BODY = "Hi {{first_name}},\n\nI'm a local buyer and wanted to ask whether you'd consider an offer on {{address}} in {{city}}.\n\nReply to this email and I'll call you at a time that suits you.";

interface Draft {
  key: number;
  subject: string;
  body: string;
}

/** Warnings carriers and mailbox filters would raise about a variant, as the content check words them. */
function ContentWarnings({ id, text }: { id: string; text: string }) {
  const findings = text.trim() ? checkTemplateContent(text, "EMAIL") : [];
  if (findings.length === 0) return null;
  return (
    <ul id={id} className="grid gap-1 text-sm text-amber-800 dark:text-amber-300" aria-label="Content warnings">
      {findings.map((f) => (
        <li key={`${f.code}:${f.phrase ?? ""}`}>{f.reason}</li>
      ))}
    </ul>
  );
}

/**
 * The new-campaign form: name, channel, its audience (a saved Prospects view, or for email a
 * buyer segment when the workspace has any), the score gate, the daily limit, an optional
 * start time in the workspace's zone, and up to five variants. Errors show beside their
 * fields; a saved draft opens its page, where it is started.
 */
export function CampaignForm({ views, segments, timeZone, timeZoneLabel, createCampaign }: CampaignFormProps) {
  const router = useRouter();
  const { onSubmit, pending, errors, state } = useSavingForm(createCampaign, undefined, (formData) => {
    // The date and time as read in the workspace's zone, sent as an instant; a reading that
    // names no instant goes as typed, so the schema refuses it beside the field.
    const local = formData.get("scheduledAtLocal");
    formData.delete("scheduledAtLocal");
    if (typeof local === "string" && local) formData.set("scheduledAt", wallTimeToInstant(local, timeZone)?.toISOString() ?? local);
  });
  useEffect(() => {
    if (state?.ok) router.push(`/campaigns/${state.data.id}`);
  }, [state, router]);
  const [channel, setChannel] = useState("EMAIL");
  const [audienceChoice, setAudience] = useState("PROSPECTS_VIEW");
  // Mail goes to leads' mailing addresses, so a buyer segment is an email audience only.
  const canPickSegment = segments.length > 0 && channel === "EMAIL";
  const audience = canPickSegment ? audienceChoice : "PROSPECTS_VIEW";
  const [variants, setVariants] = useState<Draft[]>([{ key: 0, subject: "Your property at {{address}}", body: FIRST_BODY }]);
  const update = (key: number, patch: Partial<Draft>) => setVariants((all) => all.map((v) => (v.key === key ? { ...v, ...patch } : v)));
  const error = (name: string) => errors[name]?.[0];

  return (
    <form onSubmit={onSubmit} className="grid gap-5" noValidate>
      <FormField label="Name" htmlFor="name" error={error("name")} required>
        <Input id="name" name="name" required maxLength={120} defaultValue="" {...fieldErrorProps("name", errors)} />
      </FormField>
      <div className="grid items-start gap-5 sm:grid-cols-2">
        <FormField label="Channel" htmlFor="channel" error={error("channel")}>
          <NativeSelect id="channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="EMAIL">Email</option>
            <option value="MAIL">Mail (postcards)</option>
          </NativeSelect>
        </FormField>
        {canPickSegment ? (
          <FormField label="Audience" htmlFor="audience" error={error("audience")} hint="Leads of a saved Prospects view, or the buyers of a segment.">
            <NativeSelect id="audience" name="audience" value={audience} onChange={(e) => setAudience(e.target.value)} {...fieldErrorProps("audience", errors)}>
              <option value="PROSPECTS_VIEW">Saved Prospects view</option>
              <option value="BUYER_SEGMENT">Buyer segment</option>
            </NativeSelect>
          </FormField>
        ) : (
          <input type="hidden" name="audience" value="PROSPECTS_VIEW" />
        )}
        {audience === "BUYER_SEGMENT" ? (
          <FormField label="Audience: buyer segment" htmlFor="buyerSegmentId" error={error("buyerSegmentId")} hint="Its buyers with an email, as the segment selects them when each run starts." required>
            <NativeSelect id="buyerSegmentId" name="buyerSegmentId" defaultValue={segments[0]?.id ?? ""} {...fieldErrorProps("buyerSegmentId", errors)}>
              {segments.map((segment) => (
                <option key={segment.id} value={segment.id}>{segment.name}</option>
              ))}
            </NativeSelect>
          </FormField>
        ) : (
          <FormField label="Audience: saved Prospects view" htmlFor="savedViewId" error={error("savedViewId")} hint={views.length === 0 ? "Save a view on Prospects first (its filters pick the leads)." : "Its filters are copied onto the campaign."} required>
            <NativeSelect id="savedViewId" name="savedViewId" defaultValue={views[0]?.id ?? ""} {...fieldErrorProps("savedViewId", errors)}>
              {views.length === 0 ? <option value="">No saved views</option> : null}
              {views.map((v) => (
                <option key={v.id} value={v.id}>{v.name}</option>
              ))}
            </NativeSelect>
          </FormField>
        )}
        {audience === "PROSPECTS_VIEW" ? (
          <FormField label="Minimum lead score" htmlFor="minScore" error={error("minScore")} hint="Leads scored under it are not sent to.">
            <Input id="minScore" name="minScore" type="number" inputMode="numeric" min={0} max={100} defaultValue={60} {...fieldErrorProps("minScore", errors)} />
          </FormField>
        ) : null}
        <FormField label="Daily limit" htmlFor="dailyLimit" error={error("dailyLimit")} hint="Recipients sent per day.">
          <Input id="dailyLimit" name="dailyLimit" type="number" inputMode="numeric" min={1} max={10000} defaultValue={100} {...fieldErrorProps("dailyLimit", errors)} />
        </FormField>
        <FormField label={`Start at, ${timeZoneLabel} (optional)`} htmlFor="scheduledAt" error={error("scheduledAt")} hint={`The workspace's time zone, ${timeZone} (Settings); left empty, it starts when you press Start.`}>
          <Input id="scheduledAt" name="scheduledAtLocal" type="datetime-local" {...fieldErrorProps("scheduledAt", errors)} />
        </FormField>
      </div>

      <fieldset className="grid gap-4">
        <legend className="text-base font-semibold">Variants</legend>
        <p className="text-sm text-muted-foreground">
          {`Each lead gets one variant, always the same. Merge fields: ${FIELDS}. Without {{unsubscribe_link}} and {{postal_address}} the footer with both is added to every email.`}
        </p>
        {error("variants") ? <p role="alert" className="text-sm text-destructive">{error("variants")}</p> : null}
        {variants.map((v, i) => (
          <div key={v.key} className="grid gap-3 rounded-md border p-3">
            <p className="text-sm font-medium">{`Variant ${variantLabel(i)}`}</p>
            {channel === "EMAIL" ? (
              <FormField label={`Subject ${variantLabel(i)}`} htmlFor={`variants.${i}.subject`} error={error(`variants.${i}.subject`)} required>
                <Input id={`variants.${i}.subject`} name="variantSubject" maxLength={200} value={v.subject} onChange={(e) => update(v.key, { subject: e.target.value })} {...fieldErrorProps(`variants.${i}.subject`, errors)} />
              </FormField>
            ) : (
              <input type="hidden" name="variantSubject" value="" />
            )}
            <FormField label={`Message ${variantLabel(i)}`} htmlFor={`variants.${i}.body`} error={error(`variants.${i}.body`)} required>
              <Textarea id={`variants.${i}.body`} name="variantBody" rows={7} maxLength={1300} value={v.body} onChange={(e) => update(v.key, { body: e.target.value })} {...fieldErrorProps(`variants.${i}.body`, errors)} />
            </FormField>
            <ContentWarnings id={`variants.${i}.warnings`} text={`${v.subject}\n${v.body}`} />
            {variants.length > 1 ? (
              <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => setVariants((all) => all.filter((x) => x.key !== v.key))}>
                {`Remove variant ${variantLabel(i)}`}
              </Button>
            ) : null}
          </div>
        ))}
        {variants.length < MAX_VARIANTS ? (
          <Button type="button" variant="outline" className="justify-self-start" onClick={() => setVariants((all) => [...all, { key: Math.max(...all.map((x) => x.key)) + 1, subject: "", body: "" }])}>
            Add a variant
          </Button>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending} className="justify-self-start">{pending ? "Saving…" : "Save draft"}</Button>
    </form>
  );
}
