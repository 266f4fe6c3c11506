import { FormField, fieldErrorProps, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { PROPERTY_TYPES } from "@/lib/intake/schema";

export type DealFormValues = Partial<Record<DealFieldName, string>>;

type DealFieldName =
  | "street" | "unit" | "city" | "region" | "postalCode" | "country" | "askingPrice" | "arv" | "repairs" | "beds" | "baths"
  | "sqft" | "yearBuilt" | "propertyType" | "score" | "contactName" | "contactPhone" | "contactEmail";

interface Spec {
  name: DealFieldName;
  label: string;
  hint?: string;
  inputMode?: "numeric" | "decimal" | "tel" | "email";
  type?: string;
  required?: boolean;
  autoComplete?: string;
}

const GROUPS: { legend: string; fields: Spec[] }[] = [
  {
    legend: "Address",
    fields: [
      { name: "street", label: "Street", required: true, autoComplete: "off" },
      { name: "unit", label: "Unit" },
      { name: "city", label: "City" },
      { name: "region", label: "State / province", hint: "2 letters: TX, ON" },
      { name: "postalCode", label: "ZIP / postal code", hint: "Or a city and a state." },
    ],
  },
  {
    legend: "Price",
    fields: [
      { name: "askingPrice", label: "Asking price", inputMode: "numeric", hint: "150000 or $150k" },
      { name: "arv", label: "ARV", inputMode: "numeric" },
      { name: "repairs", label: "Repairs", inputMode: "numeric" },
    ],
  },
  {
    legend: "Property",
    fields: [
      { name: "beds", label: "Beds", inputMode: "numeric" },
      { name: "baths", label: "Baths", inputMode: "decimal" },
      { name: "sqft", label: "Square feet", inputMode: "numeric" },
      { name: "yearBuilt", label: "Year built", inputMode: "numeric" },
      { name: "score", label: "Source score", inputMode: "numeric", hint: "The score your list gave, 0 to 100; the lead score is computed" },
    ],
  },
  {
    legend: "Contact",
    fields: [
      { name: "contactName", label: "Name", autoComplete: "off" },
      { name: "contactPhone", label: "Phone", inputMode: "tel", type: "tel", autoComplete: "off" },
      { name: "contactEmail", label: "Email", inputMode: "email", type: "email", autoComplete: "off" },
    ],
  },
];

/** The fields of a deal, for the hand-made deal form and the edit form alike (parsed by lib/deals/schema). */
export function DealFormFields({ values = {}, errors }: { values?: DealFormValues; errors?: FieldErrors | null }) {
  const field = (spec: Spec) => (
    <FormField key={spec.name} label={spec.label} htmlFor={spec.name} error={errors?.[spec.name]} hint={spec.hint} required={spec.required}>
      <Input
        id={spec.name}
        name={spec.name}
        type={spec.type ?? "text"}
        inputMode={spec.inputMode}
        autoComplete={spec.autoComplete}
        defaultValue={values[spec.name] ?? ""}
        {...fieldErrorProps(spec.name, errors)}
      />
    </FormField>
  );
  return (
    <div className="grid gap-6">
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="mb-2 text-sm font-medium">{group.legend}</legend>
          {group.fields.map(field)}
          {group.legend === "Address" && (
            <FormField label="Country" htmlFor="country" error={errors?.country} hint="Found from the postal code when left out.">
              <NativeSelect id="country" name="country" defaultValue={values.country ?? ""} {...fieldErrorProps("country", errors)}>
                <option value="">From the postal code</option>
                <option value="US">United States</option>
                <option value="CA">Canada</option>
              </NativeSelect>
            </FormField>
          )}
          {group.legend === "Property" && (
            <FormField label="Property type" htmlFor="propertyType" error={errors?.propertyType}>
              <NativeSelect id="propertyType" name="propertyType" defaultValue={values.propertyType ?? ""} {...fieldErrorProps("propertyType", errors)}>
                <option value="">Unknown</option>
                {PROPERTY_TYPES.map((t) => (
                  <option key={t} value={t}>{t === "SFR" ? "Single family" : t.charAt(0) + t.slice(1).toLowerCase()}</option>
                ))}
              </NativeSelect>
            </FormField>
          )}
        </fieldset>
      ))}
    </div>
  );
}
