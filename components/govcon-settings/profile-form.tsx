"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorId } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { SET_ASIDES, SET_ASIDE_CODES } from "@/lib/govcon/codes";
import type { GovConProfileView } from "@/lib/govcon/profile-schema";
import { describedBy, errorsByField, type FieldErrors } from "./field-errors";

interface ProfileFormProps {
  profile: GovConProfileView;
  saveProfile: FormAction<unknown>;
}

function TextField({ name, label, hint, value, errors, className, inputMode }: { name: string; label: string; hint: string; value: string; errors: FieldErrors; className?: string; inputMode?: "numeric" | "text" }) {
  return (
    <FormField label={label} htmlFor={name} error={errors[name]} hint={hint}>
      <Input id={name} name={name} defaultValue={value} inputMode={inputMode} className={className} {...describedBy(name, errors)} />
    </FormField>
  );
}

function ListField({ name, label, hint, values, errors }: { name: string; label: string; hint: string; values: string[]; errors: FieldErrors }) {
  return (
    <FormField label={label} htmlFor={name} error={errors[name]} hint={hint}>
      <Textarea id={name} name={name} defaultValue={values.join(", ")} rows={2} {...describedBy(name, errors)} />
    </FormField>
  );
}

function SetAsideChoices({ selected, errors }: { selected: string[]; errors: FieldErrors }) {
  const invalid = (errors.setAsides?.length ?? 0) > 0;
  return (
    <fieldset className="grid gap-3" aria-describedby={invalid ? `setAsides-hint ${fieldErrorId("setAsides")}` : "setAsides-hint"}>
      <legend className="text-sm font-medium">Set-aside eligibility</legend>
      <p id="setAsides-hint" className="text-sm text-muted-foreground">
        The programmes the business is certified for. A notice set aside for one you do not hold scores 0. Sole-source and partial set-asides count with their programme; every small-business programme includes the total small business set-aside.
      </p>
      <div className="grid gap-2 md:grid-cols-2">
        {SET_ASIDE_CODES.map((code) => (
          <div key={code} className="flex items-start gap-2">
            <input id={`setAside-${code}`} name="setAsides" type="checkbox" value={code} defaultChecked={selected.includes(code)} className="mt-1 size-4 shrink-0 accent-primary" />
            <label htmlFor={`setAside-${code}`} className="text-sm">
              <span className="font-medium">{code}</span> <span className="text-muted-foreground">{SET_ASIDES[code]}</span>
            </label>
          </div>
        ))}
      </div>
      {invalid && (
        <p id={fieldErrorId("setAsides")} role="alert" className="text-sm font-medium text-destructive">
          {errors.setAsides!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

export function ProfileForm({ profile, saveProfile }: ProfileFormProps) {
  const { onSubmit, pending, errors: rawErrors } = useSavingForm(saveProfile);
  const errors = errorsByField(rawErrors);
  const dollars = (value: number | null) => (value === null ? "" : String(value));
  return (
    <form onSubmit={onSubmit} className="grid max-w-3xl gap-8" noValidate aria-label="GovCon profile">
      <fieldset disabled={pending} className="grid gap-6">
        <fieldset className="grid gap-4">
          <legend className="mb-2 font-medium">What the business does</legend>
          <ListField name="naicsCodes" label="NAICS codes" values={profile.naicsCodes} errors={errors} hint="Separated by commas. 2 to 6 digits; a shorter code is a prefix that matches every code under it (2382 matches 238210 and 238220)." />
          <ListField name="pscCodes" label="Product and service codes (PSC)" values={profile.pscCodes} errors={errors} hint="Optional. Codes or prefixes of 1 to 4 letters and digits (Z matches every construction and maintenance code). Empty: PSC is not scored." />
          <ListField name="keywords" label="Keywords" values={profile.keywords} errors={errors} hint="Words looked for in the title and description; each one found adds points once." />
          <ListField name="excludedKeywords" label="Excluded keywords" values={profile.excludedKeywords} errors={errors} hint="Words that mark a notice as not for you; each one found takes points away." />
          <FormField label="Capability statement" htmlFor="capabilityStatement" error={errors.capabilityStatement} hint="What the business does and has done, in a few sentences; kept with the profile for proposals.">
            <Textarea id="capabilityStatement" name="capabilityStatement" defaultValue={profile.capabilityStatement} rows={4} {...describedBy("capabilityStatement", errors)} />
          </FormField>
        </fieldset>
        <SetAsideChoices selected={profile.setAsides} errors={errors} />
        <fieldset className="grid gap-4">
          <legend className="mb-2 font-medium">Where and how large</legend>
          <TextField name="states" label="States of performance" value={profile.states.join(", ")} errors={errors} hint="Two-letter codes separated by commas (OH, IN, KY). Empty: anywhere." />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="valueMinDollars" label="Smallest contract value (dollars)" value={dollars(profile.valueMinDollars)} errors={errors} inputMode="numeric" hint="Empty: no lower bound." />
            <TextField name="valueMaxDollars" label="Largest contract value (dollars)" value={dollars(profile.valueMaxDollars)} errors={errors} inputMode="numeric" hint="Empty: no upper bound." />
          </div>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-medium">Timing and descriptions</legend>
          <TextField name="prepDays" label="Days to prepare a proposal" value={String(profile.prepDays)} errors={errors} inputMode="numeric" className="max-w-32" hint="The deadline runway is measured against this. Default 14." />
          <TextField name="descriptionMinFit" label="Fetch descriptions from fit" value={String(profile.descriptionMinFit)} errors={errors} inputMode="numeric" className="max-w-32" hint="A notice's description costs a SAM.gov request; it is fetched only at or above this fit (0-100). Default 50." />
        </fieldset>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save profile"}</Button>
      </div>
    </form>
  );
}
