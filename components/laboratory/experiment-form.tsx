"use client";

import { useRouter } from "next/navigation";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { IntentConfigFields } from "@/components/signals/intent-config-fields";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { IntentConfig } from "@/lib/signals/settings-schema";

interface ExperimentFormProps {
  /** Production's configuration in force: the experiment starts as a copy to change. */
  production: IntentConfig;
  productionVersion: number;
  createExperiment: FormAction<{ id: string }>;
}

export function ExperimentForm({ production, productionVersion, createExperiment }: ExperimentFormProps) {
  const router = useRouter();
  const { state, onSubmit, pending, errors } = useSavingForm(createExperiment, () => {
    if (state?.ok) router.push(`/laboratory/${state.data.id}`);
  });
  // The configuration's issues come back under "config."; its fields are named without it.
  const configErrors = Object.fromEntries(Object.entries(errors).flatMap(([key, messages]) => (key.startsWith("config.") ? [[key.slice(7), messages]] : [])));
  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate aria-label="New experiment">
      <fieldset disabled={pending} className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <FormField label="Name" htmlFor="name" error={errors.name} required>
            <Input id="name" name="name" placeholder="Lower threshold, 60" {...fieldErrorProps("name", errors)} />
          </FormField>
          <FormField label="Window" htmlFor="windowDays" error={errors.windowDays} hint="Days of real signals a run replays (1-90).">
            <div className="flex items-center gap-2">
              <Input id="windowDays" name="windowDays" inputMode="numeric" defaultValue="30" className="max-w-24" {...fieldErrorProps("windowDays", errors)} />
              <span className="text-sm text-muted-foreground" aria-hidden="true">days</span>
            </div>
          </FormField>
        </div>
        <FormField label="What it tries" htmlFor="description" error={errors.description} hint="Optional: the idea behind it, for whoever decides on promoting it.">
          <Textarea id="description" name="description" rows={2} {...fieldErrorProps("description", errors)} />
        </FormField>
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Configuration</h3>
          <p className="text-sm text-muted-foreground">Starts from production&apos;s settings (version {productionVersion}); change what the experiment should try.</p>
          <IntentConfigFields initial={production} errors={configErrors} folded />
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create experiment"}</Button>
      </div>
    </form>
  );
}
