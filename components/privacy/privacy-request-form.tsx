"use client";

import { useRef } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

const err = (id: string, messages: string[] | undefined) => fieldErrorProps(id, { [id]: messages });

/** Files an erasure or access request for a person, named by phone, email, or name and address. */
export function PrivacyRequestForm({ fileRequest }: { fileRequest: FormAction<unknown> }) {
  const form = useRef<HTMLFormElement>(null);
  const { onSubmit, pending, errors } = useSavingForm(fileRequest, () => form.current?.reset());
  return (
    <form ref={form} onSubmit={onSubmit} className="grid gap-4" noValidate aria-label="File a privacy request">
      <div className="grid gap-4 md:grid-cols-3">
        <FormField label="Request" htmlFor="kind" error={errors.kind} required>
          <NativeSelect id="kind" name="kind" defaultValue="ERASURE" {...err("kind", errors.kind)}>
            <option value="ERASURE">Erase the person&apos;s data</option>
            <option value="ACCESS">Export the person&apos;s data (access)</option>
          </NativeSelect>
        </FormField>
        <FormField label="Phone" htmlFor="phone" error={errors.phone}>
          <Input id="phone" name="phone" inputMode="tel" autoComplete="off" placeholder="(416) 555-0100" {...err("phone", errors.phone)} />
        </FormField>
        <FormField label="Email" htmlFor="email" error={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="off" placeholder="name@example.com" {...err("email", errors.email)} />
        </FormField>
      </div>
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start">
        <FormField label="Name" htmlFor="name" error={errors.name} hint="With the street address, when there is no phone or email">
          <Input id="name" name="name" autoComplete="off" {...err("name", errors.name)} />
        </FormField>
        <FormField label="Street address" htmlFor="address" error={errors.address}>
          <Input id="address" name="address" autoComplete="off" placeholder="27 Elm St, Toronto ON" {...err("address", errors.address)} />
        </FormField>
        <Button type="submit" disabled={pending} className="md:mt-6">{pending ? "Filing..." : "File request"}</Button>
      </div>
    </form>
  );
}
