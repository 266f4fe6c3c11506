"use client";

import { Mail } from "@/components/ui/icons";
import { startTransition, useActionState, useRef, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { fieldErrors } from "@/lib/http/result";
import type { AddressVerification } from "@/lib/mail/verify-address";
import type { SendMailPieceResult } from "@/lib/mail/types";
import { formatCents } from "./mail-status";

export interface MailPreview {
  verification: AddressVerification;
  costCents: number;
  usedCents: number;
  budgetCents: number | null;
}

interface SendMailFormProps {
  dealId: string;
  address: { toName: string; addressLine1: string; addressLine2: string; city: string; region: string; postalCode: string; country: "US" | "CA" };
  preview: FormAction<MailPreview>;
  send: FormAction<SendMailPieceResult>;
}

const ADDRESS_FIELDS = [
  ["toName", "To", "name"],
  ["addressLine1", "Street address", "address-line1"],
  ["addressLine2", "Unit (optional)", "address-line2"],
  ["city", "City", "address-level2"],
  ["region", "State or province", "address-level1"],
  ["postalCode", "ZIP or postal code", "postal-code"],
] as const;

/** A postcard or letter to the lead: the address checked and the piece priced before it is sent. */
export function SendMailForm({ dealId, address, preview, send }: SendMailFormProps) {
  const [kind, setKind] = useState<"POSTCARD" | "LETTER">("POSTCARD");
  const formRef = useRef<HTMLFormElement>(null);
  const { state, onSubmit, pending } = useFormAction(send, (formData) => formData.set("dealId", dealId));
  const [checked, check, checking] = useActionState(preview, null);
  const latest = state ?? checked;
  const errors = latest && !latest.ok ? fieldErrors(latest.issues) : {};
  const verification = checked?.ok ? checked.data.verification : null;
  if (verification && !verification.ok && !errors[verification.field]) errors[verification.field] = [verification.reason];
  const result = state?.ok ? state.data : null;

  function runCheck() {
    if (!formRef.current) return;
    const formData = new FormData(formRef.current);
    formData.set("dealId", dealId);
    startTransition(() => check(formData));
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Send mail</CardTitle>
        <CardDescription>The address is verified and the piece priced against the month&apos;s budget before it is printed.</CardDescription>
      </CardHeader>
      <CardContent>
        <form ref={formRef} onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Send mail">
          <FormField label="Piece" htmlFor="mail-kind" error={errors.kind}>
            <NativeSelect id="mail-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as "POSTCARD" | "LETTER")}>
              <option value="POSTCARD">Postcard (4x6)</option>
              <option value="LETTER">Letter (one page)</option>
            </NativeSelect>
          </FormField>
          <FormField label="Message" htmlFor="mail-body" error={errors.body} required hint="Merge fields: {{firstName}}, {{fullName}}, {{street}}, {{city}}, {{senderName}}">
            <Textarea id="mail-body" name="body" rows={4} maxLength={kind === "POSTCARD" ? 500 : 3000} {...fieldErrorProps("mail-body", { "mail-body": errors.body })} />
          </FormField>
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Mailing address</legend>
            {ADDRESS_FIELDS.map(([name, label, autoComplete]) => (
              <FormField key={name} label={label} htmlFor={`mail-${name}`} error={errors[name]} required={name !== "addressLine2"}>
                <Input id={`mail-${name}`} name={name} defaultValue={address[name]} autoComplete={autoComplete} {...fieldErrorProps(`mail-${name}`, { [`mail-${name}`]: errors[name] })} />
              </FormField>
            ))}
            <FormField label="Country" htmlFor="mail-country" error={errors.country}>
              <NativeSelect id="mail-country" name="country" defaultValue={address.country}>
                <option value="US">United States</option>
                <option value="CA">Canada</option>
              </NativeSelect>
            </FormField>
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={runCheck} disabled={checking}>{checking ? "Checking..." : "Check address and cost"}</Button>
            <Button type="submit" disabled={pending}>
              <Mail className="size-4" aria-hidden /> {pending ? "Sending..." : "Send"}
            </Button>
          </div>
          <div aria-live="polite" data-testid="mail-result" className="grid gap-1 text-sm">
            {checked?.ok && <CheckResult preview={checked.data} />}
            {latest && !latest.ok && !latest.issues?.length && <p role="alert" className="font-medium text-destructive">{latest.error}</p>}
            {result && <SendOutcome result={result} />}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function CheckResult({ preview }: { preview: MailPreview }) {
  const { verification, costCents, usedCents, budgetCents } = preview;
  return (
    <p>
      {verification.ok ? "Address verified" : "Address not verified"} ({verification.source === "lob" ? "Lob" : "postal data"}). Cost {formatCents(costCents)}
      {budgetCents !== null && `; ${formatCents(usedCents)} of the ${formatCents(budgetCents)} monthly budget used`}.
    </p>
  );
}

function SendOutcome({ result }: { result: SendMailPieceResult }) {
  if (result.status === "CREATED") return <p className="font-medium">Sent for printing: {formatCents(result.costCents)}. The proof is in the list below.</p>;
  if (result.status === "BLOCKED") return <p role="alert" className="font-medium text-destructive">Blocked ({result.gate.replaceAll("_", " ")}): {result.detail}</p>;
  return <p role="alert" className="font-medium text-destructive">The provider refused the piece: {result.error}</p>;
}
