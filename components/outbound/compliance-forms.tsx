"use client";

import { useRef, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ConsentBasisOptions } from "./consent-basis";

const err = (id: string, messages: string[] | undefined) => fieldErrorProps(id, { [id]: messages });

interface ComplianceSettingsFormProps {
  postalAddress: string | null;
  capSms: number;
  capEmail: number;
  saveSettings: FormAction<unknown>;
}

export function ComplianceSettingsForm({ postalAddress, capSms, capEmail, saveSettings }: ComplianceSettingsFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(saveSettings);
  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start" noValidate aria-label="Outbound settings">
      <FormField label="Postal address" htmlFor="postalAddress" error={errors.postalAddress} hint="Printed in every email (CAN-SPAM, CASL). Email is refused without it." required>
        <Input id="postalAddress" name="postalAddress" defaultValue={postalAddress ?? ""} maxLength={300} {...err("postalAddress", errors.postalAddress)} />
      </FormField>
      <FormField label="SMS per day" htmlFor="outboundDailyCapSms" error={errors.outboundDailyCapSms}>
        <Input id="outboundDailyCapSms" name="outboundDailyCapSms" type="number" min={0} defaultValue={capSms} {...err("outboundDailyCapSms", errors.outboundDailyCapSms)} />
      </FormField>
      <FormField label="Emails per day" htmlFor="outboundDailyCapEmail" error={errors.outboundDailyCapEmail}>
        <Input id="outboundDailyCapEmail" name="outboundDailyCapEmail" type="number" min={0} defaultValue={capEmail} {...err("outboundDailyCapEmail", errors.outboundDailyCapEmail)} />
      </FormField>
      <Button type="submit" disabled={pending} className="md:mt-6">{pending ? "Saving..." : "Save"}</Button>
    </form>
  );
}

export function DoNotContactForm({ addDoNotContact }: { addDoNotContact: FormAction<unknown> }) {
  const form = useRef<HTMLFormElement>(null);
  // Cleared after a success: the list above shows what was saved.
  const { onSubmit, pending, errors } = useSavingForm(addDoNotContact, () => form.current?.reset());
  return (
    <form ref={form} onSubmit={onSubmit} className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start" noValidate aria-label="Add to do-not-contact list">
      <FormField label="Phone or email" htmlFor="dnc-value" error={errors.value} required>
        <Input id="dnc-value" name="value" placeholder="+14165550100 or name@example.com" {...err("dnc-value", errors.value)} />
      </FormField>
      <FormField label="Reason" htmlFor="dnc-reason" error={errors.reason} required>
        <Input id="dnc-reason" name="reason" placeholder="Asked by phone not to be contacted" {...err("dnc-reason", errors.reason)} />
      </FormField>
      <Button type="submit" disabled={pending} className="md:mt-6">{pending ? "Adding..." : "Add"}</Button>
    </form>
  );
}

interface RemoveDoNotContactButtonProps {
  id: string;
  value: string;
  removeDoNotContact: FormAction<unknown>;
}

export function RemoveDoNotContactButton({ id, value, removeDoNotContact }: RemoveDoNotContactButtonProps) {
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { onSubmit, pending, errors } = useSavingForm(
    removeDoNotContact,
    () => {
      form.current?.reset();
      setOpen(false);
    },
    (formData) => formData.set("id", id),
  );
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>Remove</Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{`Remove ${value}?`}</DialogTitle>
            <DialogDescription>Messages to this address become possible again where consent allows. The removal is audited.</DialogDescription>
          </DialogHeader>
          <form ref={form} onSubmit={onSubmit} className="grid gap-4" noValidate>
            <FormField label="Reason" htmlFor={`dnc-remove-${id}`} error={errors.reason} required>
              <Input id={`dnc-remove-${id}`} name="reason" autoFocus {...err(`dnc-remove-${id}`, errors.reason)} />
            </FormField>
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" variant="destructive" disabled={pending}>{pending ? "Removing..." : "Remove"}</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}

interface ConsentFormProps {
  changeConsent: FormAction<unknown>;
  /** Filled in when a blocked send links here to record the missing consent. */
  defaults?: { channel: "SMS" | "EMAIL"; address: string };
}

export function ConsentForm({ changeConsent, defaults }: ConsentFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const { onSubmit, pending, errors } = useSavingForm(changeConsent, () => form.current?.reset());
  return (
    <form ref={form} onSubmit={onSubmit} className="grid gap-3 md:grid-cols-[8rem_minmax(0,1fr)_10rem_minmax(0,1fr)] md:items-start" noValidate aria-label="Record consent">
      <FormField label="Channel" htmlFor="consent-channel" error={errors.channel}>
        <NativeSelect id="consent-channel" name="channel" defaultValue={defaults?.channel ?? "SMS"}>
          <option value="SMS">SMS</option>
          <option value="EMAIL">Email</option>
        </NativeSelect>
      </FormField>
      <FormField label="Phone or email" htmlFor="consent-address" error={errors.address} required>
        <Input id="consent-address" name="address" defaultValue={defaults?.address ?? ""} {...err("consent-address", errors.address)} />
      </FormField>
      <FormField label="Consent" htmlFor="consent-status" error={errors.status}>
        <NativeSelect id="consent-status" name="status" defaultValue="OPTED_IN">
          <option value="OPTED_IN">Opted in</option>
          <option value="OPTED_OUT">Opted out</option>
        </NativeSelect>
      </FormField>
      <FormField label="Reason" htmlFor="consent-reason" error={errors.reason} required>
        <Input id="consent-reason" name="reason" placeholder="Signed the web form on 2026-11-20" {...err("consent-reason", errors.reason)} />
      </FormField>
      <FormField label="Basis" htmlFor="consent-basis" error={errors.basis} hint="For an opt in; an opt out has none." className="md:col-span-2">
        <NativeSelect id="consent-basis" name="basis" defaultValue="" {...err("consent-basis", errors.basis)}>
          <ConsentBasisOptions />
        </NativeSelect>
      </FormField>
      <FormField label="Evidence" htmlFor="consent-evidence" error={errors.evidence} hint="IP address or document reference." className="md:col-span-2">
        <Input id="consent-evidence" name="evidence" maxLength={500} placeholder="203.0.113.7 or signed-letter-2026-11-20.pdf" {...err("consent-evidence", errors.evidence)} />
      </FormField>
      <FormField label="Words agreed to" htmlFor="consent-wording" error={errors.wording} className="md:col-span-4">
        <Input id="consent-wording" name="wording" maxLength={2000} placeholder="I agree to receive texts about my property. Reply STOP to opt out." {...err("consent-wording", errors.wording)} />
      </FormField>
      <Button type="submit" disabled={pending} className="justify-self-start">{pending ? "Saving..." : "Record"}</Button>
    </form>
  );
}
