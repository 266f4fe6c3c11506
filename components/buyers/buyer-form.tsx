"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ConsentFields } from "@/components/deals/consent-fields";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { buyerFormObject, type BuyerFieldValues } from "@/lib/buyers/form-values";
import { fieldErrors, type FieldIssue } from "@/lib/http/result";
import { BUYER_FORM_OPTIONS } from "./buyer-form-options";

/** The verification date as the date input holds it (YYYY-MM-DD). */
export interface BuyerFormValues extends BuyerFieldValues<string> {
  id?: string;
  name: string;
}

interface BuyerFormProps {
  buyer?: BuyerFormValues;
  members: { userId: string; name: string }[];
  save: FormAction<{ id?: string; changed?: string[] }>;
}

type Schema = { safeParse(value: unknown): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** The buyer schema, loaded after the form shows (it carries the postal tables), to check fields before sending. */
function useBuyerSchema(editing: boolean) {
  const schema = useRef<Schema | null>(null);
  useEffect(() => {
    let live = true;
    void import("@/lib/buyers/schema").then((module) => {
      if (live) schema.current = editing ? module.BuyerPatch : module.BuyerInput;
    });
    return () => {
      live = false;
    };
  }, [editing]);
  return schema;
}

const amount = (value: number | null | undefined) => (value == null ? "" : String(value));

/** One form for a new buyer and for editing one: contact, status, proof of funds and the buy box. */
export function BuyerForm({ buyer, members, save }: BuyerFormProps) {
  const router = useRouter();
  const editing = Boolean(buyer?.id);
  const { onSubmit, pending, errors: serverErrors, state } = useSavingForm(save, editing ? () => router.refresh() : undefined);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const schema = useBuyerSchema(editing);
  useEffect(() => {
    if (!editing && state?.ok && state.data.id) router.push(`/buyers/${state.data.id}`);
  }, [editing, state, router]);
  useEffect(() => setClientErrors(null), [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    const check = schema.current?.safeParse(buyerFormObject(new FormData(event.currentTarget), { clearBlanks: editing }));
    if (check && !check.success) {
      event.preventDefault();
      const issues: FieldIssue[] = check.error.issues.filter((i) => String(i.path[0] ?? "") !== "buyerId").map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
      setClientErrors(fieldErrors(issues));
      const form = event.currentTarget;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setClientErrors(null);
    onSubmit(event);
  }

  const errors: FieldErrors = clientErrors ?? serverErrors;
  const field = (name: string) => ({ id: name, name, ...fieldErrorProps(name, errors) });
  const v = buyer;
  return (
    <form onSubmit={submit} className="grid gap-8" noValidate aria-label={editing ? "Buyer and buy box" : "New buyer"}>
      {v?.id && <input type="hidden" name="buyerId" value={v.id} />}
      <fieldset className="grid items-start gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Contact</legend>
        <FormField label="Name" htmlFor="name" error={errors.name} required>
          <Input {...field("name")} defaultValue={v?.name ?? ""} maxLength={120} autoComplete="off" />
        </FormField>
        <FormField label="Company" htmlFor="company" error={errors.company}>
          <Input {...field("company")} defaultValue={v?.company ?? ""} maxLength={120} autoComplete="off" />
        </FormField>
        <FormField label="Phones" htmlFor="phones" error={errors.phones} hint="Comma-separated: +1 713 555 0100">
          <Input {...field("phones")} defaultValue={v?.phones.join(", ") ?? ""} inputMode="tel" autoComplete="off" />
        </FormField>
        <FormField label="Emails" htmlFor="emails" error={errors.emails} hint="Comma-separated">
          <Input {...field("emails")} defaultValue={v?.emails.join(", ") ?? ""} autoComplete="off" />
        </FormField>
        <FormField label="Status" htmlFor="status" error={errors.status}>
          <NativeSelect {...field("status")} defaultValue={v?.status ?? "ACTIVE"}>
            {BUYER_FORM_OPTIONS.statuses.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Owner" htmlFor="ownerId" error={errors.ownerId}>
          <NativeSelect {...field("ownerId")} defaultValue={v?.ownerId ?? ""}>
            <option value="">Nobody yet</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </NativeSelect>
        </FormField>
      </fieldset>

      {/* Asked when the buyer comes in, like a lead's: blasts text and email only with consent on record. */}
      {!editing && <ConsentFields errors={errors} />}

      <fieldset className="grid items-start gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Buy box</legend>
        <FormField label="Markets" htmlFor="markets" error={errors.markets} hint="REGION:Market, comma-separated: TX:Houston, ON:Toronto">
          <Input {...field("markets")} defaultValue={v?.markets.join(", ") ?? ""} autoComplete="off" />
        </FormField>
        <FormField label="ZIP codes and FSAs" htmlFor="postalCodes" error={errors.postalCodes} hint="77002 77003 or M5V, space or comma separated">
          <Input {...field("postalCodes")} defaultValue={v?.postalCodes.join(" ") ?? ""} autoComplete="off" />
        </FormField>
        <FormField label="Minimum price" htmlFor="priceMin" error={errors.priceMin} hint="150000 or $150k; empty: no minimum">
          <Input {...field("priceMin")} defaultValue={amount(v?.priceMin)} inputMode="numeric" />
        </FormField>
        <FormField label="Maximum price" htmlFor="priceMax" error={errors.priceMax} hint="Empty: no maximum">
          <Input {...field("priceMax")} defaultValue={amount(v?.priceMax)} inputMode="numeric" />
        </FormField>
        <CheckboxGroup name="propertyTypes" legend="Property types" hint="None checked: any type" options={BUYER_FORM_OPTIONS.propertyTypes} checked={v?.propertyTypes ?? []} errors={errors} />
        <CheckboxGroup name="strategies" legend="Strategies" hint="None checked: any strategy" options={BUYER_FORM_OPTIONS.strategies} checked={v?.strategies ?? []} errors={errors} />
        <FormField label="Rehab appetite" htmlFor="rehabAppetite" error={errors.rehabAppetite} hint="Light: repairs up to 10% of ARV; medium: up to 25%">
          <NativeSelect {...field("rehabAppetite")} defaultValue={v?.rehabAppetite ?? "ANY"}>
            {BUYER_FORM_OPTIONS.rehabAppetites.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Minimum spread" htmlFor="minSpread" error={errors.minSpread} hint="The least a deal must leave, in dollars">
          <Input {...field("minSpread")} defaultValue={amount(v?.minSpread)} inputMode="numeric" />
        </FormField>
      </fieldset>

      <fieldset className="grid items-start gap-4 sm:grid-cols-3">
        <legend className="mb-3 text-base font-semibold">Funds and closing</legend>
        <FormField label="Proof of funds" htmlFor="proofOfFundsAmount" error={errors.proofOfFundsAmount} hint="Amount shown, in dollars">
          <Input {...field("proofOfFundsAmount")} defaultValue={amount(v?.proofOfFundsAmount)} inputMode="numeric" />
        </FormField>
        <FormField label="Proof of funds verified on" htmlFor="proofOfFundsVerifiedAt" error={errors.proofOfFundsVerifiedAt}>
          <Input {...field("proofOfFundsVerifiedAt")} type="date" defaultValue={v?.proofOfFundsVerifiedAt ?? ""} />
        </FormField>
        <FormField label="Typical closing days" htmlFor="closingDays" error={errors.closingDays}>
          <Input {...field("closingDays")} defaultValue={amount(v?.closingDays)} inputMode="numeric" />
        </FormField>
      </fieldset>

      <fieldset className="grid items-start gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Notes</legend>
        <FormField label="Tags" htmlFor="tags" error={errors.tags} hint="Comma-separated: cash, quick close">
          <Input {...field("tags")} defaultValue={v?.tags.join(", ") ?? ""} maxLength={1200} />
        </FormField>
        <FormField label="Notes" htmlFor="notes" error={errors.notes}>
          <Textarea {...field("notes")} defaultValue={v?.notes ?? ""} maxLength={5000} rows={3} />
        </FormField>
      </fieldset>
      {state && !state.ok && !state.issues?.length ? <p role="alert" className="text-sm font-medium text-destructive">{state.error}</p> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Saving..." : editing ? "Save buyer" : "Add buyer"}
      </Button>
    </form>
  );
}

function CheckboxGroup(props: { name: string; legend: string; hint: string; options: readonly { value: string; label: string }[]; checked: string[]; errors: FieldErrors }) {
  const { name, legend, hint, options, checked, errors } = props;
  const messages = errors[name];
  return (
    <fieldset className="grid gap-2" aria-describedby={messages?.length ? `${name}-error` : `${name}-hint`}>
      <legend className="text-sm font-medium">{legend}</legend>
      {/* Sent even when nothing is checked, so clearing every box clears the list. */}
      <input type="hidden" name={name} value="" />
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-6 items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} className="size-4 accent-primary" />
            {option.label}
          </label>
        ))}
      </div>
      <p id={`${name}-hint`} className="text-sm text-muted-foreground">{hint}</p>
      {messages?.length ? <p id={`${name}-error`} role="alert" className="text-sm font-medium text-destructive">{messages.join(" ")}</p> : null}
    </fieldset>
  );
}
