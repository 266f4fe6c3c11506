"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** The member's own phone: the dialer rings it first, then connects the lead. */
export function MemberPhoneForm({ phone, savePhone }: { phone: string | null; savePhone: FormAction<{ phone: string | null }> }) {
  const { errors, onSubmit, pending } = useSavingForm(savePhone);
  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-4" noValidate aria-label="Your phone for calls">
      <FormField label="Your phone" htmlFor="member-phone" error={errors.phone} hint="With its country code, e.g. +1 416 555 0100. Leave empty to remove it.">
        <Input
          id="member-phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={phone ?? ""}
          {...fieldErrorProps("member-phone", { "member-phone": errors.phone })}
          aria-describedby={errors.phone ? "member-phone-error member-phone-hint" : "member-phone-hint"}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save phone"}</Button>
      </div>
    </form>
  );
}
