"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { IntentConfigFields } from "@/components/signals/intent-config-fields";
import { Button } from "@/components/ui/button";
import type { IntentConfig } from "@/lib/signals/settings-schema";

interface IntentSettingsFormProps {
  settings: IntentConfig;
  saveSettings: FormAction<unknown>;
}

/** The configuration in force, saved as a new version (the action records and audits it). */
export function IntentSettingsForm({ settings, saveSettings }: IntentSettingsFormProps) {
  const { onSubmit, pending, errors } = useSavingForm(saveSettings);
  return (
    <form onSubmit={onSubmit} className="grid gap-8" noValidate aria-label="Signals and drafting settings">
      <fieldset disabled={pending} className="grid gap-8">
        <IntentConfigFields initial={settings} errors={errors} />
        <div>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save as a new version"}</Button>
        </div>
      </fieldset>
    </form>
  );
}
