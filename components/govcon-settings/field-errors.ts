import { fieldErrorId, fieldHintId } from "@/components/ui/form-field";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * Errors keyed by field: an error on one item of a list ("naicsCodes.1") belongs to the list's
 * field, where the user typed it.
 */
export function errorsByField(errors: FieldErrors): FieldErrors {
  const byField: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const field = path.split(".")[0];
    byField[field] = [...(byField[field] ?? []), ...(messages ?? [])];
  }
  return byField;
}

/** ARIA for a control with a hint, and its error when it has one. */
export function describedBy(name: string, errors: FieldErrors, hasHint = true) {
  const invalid = (errors[name]?.length ?? 0) > 0;
  const ids = [hasHint ? fieldHintId(name) : null, invalid ? fieldErrorId(name) : null].filter(Boolean);
  return { ...(invalid ? { "aria-invalid": true as const } : {}), ...(ids.length ? { "aria-describedby": ids.join(" ") } : {}) };
}
