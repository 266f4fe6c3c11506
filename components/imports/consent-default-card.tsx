"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ConsentBasisOptions } from "@/components/outbound/consent-basis";
import type { ImportTarget } from "./import-targets";
import type { ConsentDefaultDraft } from "./use-import-wizard";

interface ConsentDefaultCardProps {
  target: ImportTarget;
  draft: ConsentDefaultDraft;
  errors: Record<string, string[]>;
  disabled: boolean;
  onChange: (draft: ConsentDefaultDraft) => void;
}

/**
 * The consent of the whole list, for rows without a consent column of their own (a buyer
 * list has none, so the answer is every buyer's): texts and emails need it on record, and
 * it is kept with its source and wording as evidence.
 */
export function ConsentDefaultCard({ target, draft, errors, disabled, onChange }: ConsentDefaultCardProps) {
  const set = (patch: Partial<ConsentDefaultDraft>) => onChange({ ...draft, ...patch });
  const hasColumns = target.kind === "DEALS";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Consent to be contacted</CardTitle>
        <CardDescription>
          {hasColumns ? "Leads" : "Buyers"} can be texted and emailed only with consent on record.{" "}
          {hasColumns ? "A consent column in the file wins over this answer; an opt-out" : "The answer covers every phone and email of the new buyers; an opt-out"} already on
          record is never replaced.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <FormField label="These contacts gave written consent" htmlFor="import-consent-given" error={errors.given}>
          <NativeSelect
            id="import-consent-given"
            value={draft.given}
            disabled={disabled}
            onChange={(event) => set({ given: event.currentTarget.value as ConsentDefaultDraft["given"] })}
            {...fieldErrorProps("import-consent-given", { "import-consent-given": errors.given })}
          >
            <option value="">{hasColumns ? "Not stated: only the file’s consent column counts" : "Not stated: no consent is recorded"}</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </NativeSelect>
        </FormField>
        <FormField label="Where they agreed" htmlFor="import-consent-source" error={errors.source} required={draft.given === "yes"}>
          <Input
            id="import-consent-source"
            value={draft.source}
            disabled={disabled || draft.given === ""}
            maxLength={100}
            placeholder="Web form on our site"
            onChange={(event) => set({ source: event.currentTarget.value })}
            {...fieldErrorProps("import-consent-source", { "import-consent-source": errors.source })}
          />
        </FormField>
        <FormField label="Basis" htmlFor="import-consent-basis" error={errors.basis} hint={hasColumns ? "A consent basis column in the file wins." : undefined}>
          <NativeSelect
            id="import-consent-basis"
            value={draft.basis}
            disabled={disabled || draft.given !== "yes"}
            onChange={(event) => set({ basis: event.currentTarget.value })}
            {...fieldErrorProps("import-consent-basis", { "import-consent-basis": errors.basis })}
          >
            <ConsentBasisOptions />
          </NativeSelect>
        </FormField>
        <FormField label="Words they agreed to" htmlFor="import-consent-wording" error={errors.wording} className="md:col-span-2">
          <Textarea
            id="import-consent-wording"
            value={draft.wording}
            disabled={disabled || draft.given === ""}
            rows={2}
            maxLength={2000}
            placeholder={
              hasColumns ? "I agree to receive texts and emails about my property. Reply STOP to opt out." : "I agree to receive texts and emails about investment properties for sale. Reply STOP to opt out."
            }
            onChange={(event) => set({ wording: event.currentTarget.value })}
            {...fieldErrorProps("import-consent-wording", { "import-consent-wording": errors.wording })}
          />
        </FormField>
      </CardContent>
    </Card>
  );
}
