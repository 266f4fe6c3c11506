"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { TimeZoneOption } from "@/lib/tenants/time-zones";
import { TimeZonePicker } from "./time-zone-picker";

interface Profile {
  name: string;
  timeZone: string;
  country: "US" | "CA";
}

interface ProfileFormProps {
  profile: Profile;
  timeZones: TimeZoneOption[];
  canEdit: boolean;
  updateProfile: FormAction<unknown>;
}

export function ProfileForm({ profile, timeZones, canEdit, updateProfile }: ProfileFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(updateProfile);

  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-5" noValidate>
      <fieldset disabled={!canEdit || pending} className="grid gap-5">
        <FormField label="Workspace name" htmlFor="name" error={errors.name} required>
          <Input id="name" name="name" defaultValue={profile.name} {...fieldErrorProps("name", errors)} />
        </FormField>
        <FormField
          label="Time zone"
          htmlFor="timeZone"
          error={errors.timeZone}
          hint="Used for schedules and reports. Leads are always contacted in their own local time."
        >
          <TimeZonePicker id="timeZone" name="timeZone" defaultValue={profile.timeZone} options={timeZones} disabled={!canEdit || pending} {...fieldErrorProps("timeZone", errors)} />
        </FormField>
        <FormField label="Country" htmlFor="country" error={errors.country}>
          <NativeSelect id="country" name="country" defaultValue={profile.country} {...fieldErrorProps("country", errors)}>
            <option value="US">United States</option>
            <option value="CA">Canada</option>
          </NativeSelect>
        </FormField>
      </fieldset>
      {canEdit ? (
        <div>
          <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save changes"}</Button>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">Only owners and admins can change the workspace profile.</p>
      )}
    </form>
  );
}
