import { FormField, fieldErrorProps, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ConsentBasisOptions } from "@/components/outbound/consent-basis";

interface ConsentFieldsProps {
  errors?: FieldErrors | null;
  /** Values to show again, e.g. after a refused submit. */
  defaults?: { consentGiven?: string; consentSource?: string; consentGivenAt?: string; consentWording?: string; consentBasis?: string; consentEvidence?: string };
}

/**
 * The consent questions of a lead form: did the person agree to be texted and emailed,
 * where, when, to which words, on what basis and with what evidence. Parsed by `IntakeConsentFields` (lib/outbound/intake-consent).
 */
export function ConsentFields({ errors, defaults = {} }: ConsentFieldsProps) {
  const err = (name: string) => fieldErrorProps(name, errors);
  return (
    <fieldset className="grid gap-4 rounded-md border p-4 md:grid-cols-3">
      <legend className="px-1 text-sm font-medium">Consent to be contacted</legend>
      <FormField label="Consent given" htmlFor="consentGiven" error={errors?.consentGiven} hint="Texts and emails need it on record.">
        <NativeSelect id="consentGiven" name="consentGiven" defaultValue={defaults.consentGiven ?? ""} {...err("consentGiven")}>
          <option value="">Not recorded</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </NativeSelect>
      </FormField>
      <FormField label="Source" htmlFor="consentSource" error={errors?.consentSource} hint="Where they agreed.">
        <Input
          id="consentSource"
          name="consentSource"
          placeholder="Web form, signed letter, phone call"
          maxLength={100}
          defaultValue={defaults.consentSource ?? ""}
          {...err("consentSource")}
        />
      </FormField>
      <FormField label="Date given" htmlFor="consentGivenAt" error={errors?.consentGivenAt}>
        <Input id="consentGivenAt" name="consentGivenAt" type="date" defaultValue={defaults.consentGivenAt ?? ""} {...err("consentGivenAt")} />
      </FormField>
      <FormField label="Basis" htmlFor="consentBasis" error={errors?.consentBasis} hint="Words agreed to make it written consent.">
        <NativeSelect id="consentBasis" name="consentBasis" defaultValue={defaults.consentBasis ?? ""} {...err("consentBasis")}>
          <ConsentBasisOptions />
        </NativeSelect>
      </FormField>
      <FormField label="Evidence" htmlFor="consentEvidence" error={errors?.consentEvidence} hint="IP address or document reference." className="md:col-span-2">
        <Input
          id="consentEvidence"
          name="consentEvidence"
          placeholder="203.0.113.7 or signed-letter-2026-03-01.pdf"
          maxLength={500}
          defaultValue={defaults.consentEvidence ?? ""}
          {...err("consentEvidence")}
        />
      </FormField>
      <FormField label="Words agreed to" htmlFor="consentWording" error={errors?.consentWording} className="md:col-span-3">
        <Textarea
          id="consentWording"
          name="consentWording"
          rows={2}
          maxLength={2000}
          placeholder="I agree to receive texts and emails about my property. Reply STOP to opt out."
          defaultValue={defaults.consentWording ?? ""}
          {...err("consentWording")}
        />
      </FormField>
    </fieldset>
  );
}
