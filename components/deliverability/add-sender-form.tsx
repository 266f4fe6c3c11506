"use client";

import { useRef, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

/** Adds a sending number or email domain for deliverability control to watch and rotate. */
export function AddSenderForm({ addSender }: { addSender: FormAction<{ id: string; address: string }> }) {
  const form = useRef<HTMLFormElement>(null);
  const [channel, setChannel] = useState<"SMS" | "EMAIL">("SMS");
  const { onSubmit, pending, errors } = useSavingForm(addSender, () => form.current?.reset());
  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-label="Add a sender" className="grid gap-3 sm:grid-cols-[9rem_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
      <FormField label="Channel" htmlFor="sender-channel" error={errors.channel}>
        <NativeSelect id="sender-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value as "SMS" | "EMAIL")}>
          <option value="SMS">SMS number</option>
          <option value="EMAIL">Email domain</option>
        </NativeSelect>
      </FormField>
      <FormField label={channel === "SMS" ? "Phone number" : "Domain"} htmlFor="sender-address" error={errors.address} required>
        <Input id="sender-address" name="address" autoComplete="off" placeholder={channel === "SMS" ? "+1 555 010 0200" : "mail.example.com"} {...fieldErrorProps("sender-address", { "sender-address": errors.address })} />
      </FormField>
      <FormField label="Label (optional)" htmlFor="sender-label" error={errors.label}>
        <Input id="sender-label" name="label" autoComplete="off" placeholder="Second Twilio number" {...fieldErrorProps("sender-label", { "sender-label": errors.label })} />
      </FormField>
      <div className="sm:pt-6">
        <Button type="submit" disabled={pending}>{pending ? "Adding..." : "Add sender"}</Button>
      </div>
    </form>
  );
}
