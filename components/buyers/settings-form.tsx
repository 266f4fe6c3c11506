"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { BuyerSettingsValues } from "@/lib/buyers/settings-schema";

interface BuyerSettingsFormProps {
  settings: BuyerSettingsValues;
  saveSettings: FormAction<unknown>;
}

/** A fraction shown as the percentage the form takes (0.15 -> "15"). */
const asPercent = (fraction: number) => String(Math.round(fraction * 10_000) / 100);

type Errors = Record<string, string[] | undefined>;

function NumberField({ name, label, hint, defaultValue, errors, suffix }: { name: string; label: string; hint?: string; defaultValue: string; errors: Errors; suffix: string }) {
  return (
    <FormField label={label} htmlFor={name} error={errors[name]} hint={hint}>
      <div className="flex items-center gap-2">
        <Input id={name} name={name} inputMode="decimal" defaultValue={defaultValue} className="max-w-32" {...fieldErrorProps(name, errors)} />
        <span className="text-sm text-muted-foreground" aria-hidden="true">{suffix}</span>
      </div>
    </FormField>
  );
}

function Toggle({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <div className="flex items-start gap-3">
      <input id={name} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={`${name}-hint`} className="mt-1 size-4 accent-primary" />
      <div className="grid gap-1">
        <label htmlFor={name} className="text-sm font-medium">{label}</label>
        <p id={`${name}-hint`} className="text-sm text-muted-foreground">{hint}</p>
      </div>
    </div>
  );
}

export function BuyerSettingsForm({ settings, saveSettings }: BuyerSettingsFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(saveSettings);
  return (
    <form onSubmit={onSubmit} className="grid max-w-3xl gap-8" noValidate>
      <fieldset disabled={pending} className="grid gap-8">
        <div className="grid gap-8 md:grid-cols-2">
          <fieldset className="grid gap-4">
            <legend className="mb-2 font-medium">Tier A</legend>
            <NumberField name="tierAResponseRate" label="Response rate at least" suffix="%" defaultValue={asPercent(settings.tierAResponseRate)} errors={errors} />
            <NumberField name="tierACloseRate" label="Close rate at least" suffix="%" defaultValue={asPercent(settings.tierACloseRate)} errors={errors} />
            <NumberField name="tierAVelocityDays" label="Closes within" suffix="days" defaultValue={String(settings.tierAVelocityDays)} errors={errors} />
          </fieldset>
          <fieldset className="grid gap-4">
            <legend className="mb-2 font-medium">Tier B</legend>
            <NumberField name="tierBResponseRate" label="Response rate at least" suffix="%" defaultValue={asPercent(settings.tierBResponseRate)} errors={errors} />
            <NumberField name="tierBCloseRate" label="Close rate at least" suffix="%" defaultValue={asPercent(settings.tierBCloseRate)} errors={errors} />
            <NumberField name="tierBVelocityDays" label="Closes within" suffix="days" defaultValue={String(settings.tierBVelocityDays)} errors={errors} />
          </fieldset>
        </div>
        <NumberField
          name="tierMinSent"
          label="Deals sent before a buyer is tiered"
          hint="With fewer deals sent in 180 days a buyer is tier C, shown as new."
          suffix="deals"
          defaultValue={String(settings.tierMinSent)}
          errors={errors}
        />
        <fieldset className="grid gap-4">
          <legend className="mb-2 font-medium">Blasts and buyer pages</legend>
          <Toggle
            name="autoBlastTierA"
            label="Auto-blast tier-A buyers"
            hint="When a new deal's spread reaches the alert threshold, the buyer-matching engine blasts it to its tier-A matches by SMS and email. Off by default."
            defaultChecked={settings.autoBlastTierA}
          />
          <Toggle
            name="showStreetToBuyers"
            label="Show the street on buyer deal pages"
            hint="Off: buyers see the city and postal code until they ask."
            defaultChecked={settings.showStreetToBuyers}
          />
          <NumberField name="linkTtlDays" label="Buyer links expire after" suffix="days" defaultValue={String(settings.linkTtlDays)} errors={errors} />
          <NumberField
            name="coldLiquidityScore"
            label="Cold market under"
            hint="A blast to a market whose liquidity score is lower needs a reason, recorded in the audit log."
            suffix="points"
            defaultValue={String(settings.coldLiquidityScore)}
            errors={errors}
          />
        </fieldset>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save buyer settings"}</Button>
      </div>
    </form>
  );
}
