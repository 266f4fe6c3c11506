"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { DEFAULT_RANK_THRESHOLDS, type RankThresholds } from "@/lib/market/thresholds";

type Errors = Record<string, string[] | undefined>;
type Key = keyof RankThresholds;

function NumberField({ name, label, hint, suffix, value, errors }: { name: Key; label: string; hint: string; suffix: string; value: number; errors: Errors }) {
  return (
    <FormField label={label} htmlFor={name} error={errors[name]} hint={`${hint} Default: ${DEFAULT_RANK_THRESHOLDS[name]}.`}>
      <div className="flex items-center gap-2">
        <Input id={name} name={name} inputMode="decimal" defaultValue={String(value)} className="max-w-32" {...fieldErrorProps(name, errors)} />
        <span className="text-sm text-muted-foreground" aria-hidden="true">{suffix}</span>
      </div>
    </FormField>
  );
}

export function ThresholdsForm({ thresholds, saveThresholds }: { thresholds: RankThresholds; saveThresholds: FormAction<unknown> }) {
  const { onSubmit, pending, errors } = useSavingForm(saveThresholds);
  const field = (name: Key, label: string, suffix: string, hint: string) => (
    <NumberField name={name} label={label} suffix={suffix} hint={hint} value={thresholds[name]} errors={errors} />
  );
  return (
    <form onSubmit={onSubmit} className="grid max-w-3xl gap-8" noValidate>
      <fieldset disabled={pending} className="grid gap-8">
        <fieldset className="grid gap-4">
          <legend className="mb-2 font-medium">Hot: every one of these</legend>
          {field("hotMinDeals4w", "New deals in 4 weeks, at least", "deals", "An area needs this many new deals in the last 4 weeks.")}
          {field("hotMinTrend", "Pace against the 12-week rate, at least", "times", "The 4-week weekly rate over the 12-week weekly rate: 1.25 is a quarter faster.")}
          {field("hotMinMedianSpread", "Median spread, at least", "dollars", "Over the 12 weeks' deals with a spread; an area without spreads yet passes.")}
        </fieldset>
        <fieldset className="grid gap-4">
          <legend className="mb-2 font-medium">Cold: any one of these</legend>
          {field("coldMinDeals12w", "New deals in 12 weeks, fewer than", "deals", "An area with fewer new deals in 12 weeks is cold.")}
          {field("coldMaxMedianSpread", "Median spread, under", "dollars", "Deals there do not pencil out.")}
          {field("coldMaxReplyRate", "Reply rate, under", "share", "A share between 0 and 1 (0.02 is 2%) of messages answered in 12 weeks.")}
          {field("replyRateMinOutbound", "Messages before the reply rate counts", "messages", "With fewer messages sent in 12 weeks the reply rate is not judged.")}
        </fieldset>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save thresholds"}</Button>
      </div>
    </form>
  );
}
