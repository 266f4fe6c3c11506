"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

interface IntegrationsFormProps {
  values: { gmailLabel: string; discordWebhookUrl?: string; spreadAlertThreshold: number };
  saveIntegrations: FormAction<unknown>;
}

export function IntegrationsForm({ values, saveIntegrations }: IntegrationsFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(saveIntegrations);
  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-4" noValidate>
      <FormField label="High-spread alert threshold ($)" htmlFor="spreadAlertThreshold" error={errors.spreadAlertThreshold} hint="Deals whose spread reaches this raise an alert in the app (and on Discord when set).">
        <Input id="spreadAlertThreshold" name="spreadAlertThreshold" inputMode="numeric" defaultValue={values.spreadAlertThreshold} {...fieldErrorProps("spreadAlertThreshold", errors)} />
      </FormField>
      <FormField label="Discord webhook URL" htmlFor="discordWebhookUrl" error={errors.discordWebhookUrl} hint="Optional. Alerts are also posted to this channel.">
        <Input id="discordWebhookUrl" name="discordWebhookUrl" type="url" placeholder="https://discord.com/api/webhooks/..." defaultValue={values.discordWebhookUrl ?? ""} {...fieldErrorProps("discordWebhookUrl", errors)} />
      </FormField>
      <FormField label="Gmail label" htmlFor="gmailLabel" error={errors.gmailLabel} hint="Deal emails carrying this label are taken in when Gmail is on.">
        <Input id="gmailLabel" name="gmailLabel" defaultValue={values.gmailLabel} {...fieldErrorProps("gmailLabel", errors)} />
      </FormField>
      <div><Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save integrations"}</Button></div>
    </form>
  );
}
