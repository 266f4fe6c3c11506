import * as React from "react";

import { cn } from "@/lib/ui/cn";
import { Label } from "@/components/ui/label";

type FieldErrors = Record<string, string[] | undefined>;

/** Id of the element holding a field's error message. */
function fieldErrorId(name: string) {
  return `${name}-error`;
}

/** Id of the element holding a field's hint text. */
function fieldHintId(name: string) {
  return `${name}-hint`;
}

/**
 * ARIA props to spread on a control so assistive tech announces its error.
 * Returns an empty object when the field has no error.
 *
 *   <Input id="email" name="email" {...fieldErrorProps("email", state.errors)} />
 */
function fieldErrorProps(
  name: string,
  errors: FieldErrors | null | undefined,
): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const messages = errors?.[name];
  if (!messages || messages.length === 0) return {};
  return { "aria-invalid": true, "aria-describedby": fieldErrorId(name) };
}

type FormFieldProps = {
  label: React.ReactNode;
  /** The id of the control; also used to derive the hint/error ids. */
  htmlFor: string;
  /** One message, several messages, or nothing. */
  error?: string | string[] | null;
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * Label + control + hint + error message. The error is rendered with role="alert" and
 * id `${htmlFor}-error`; pair it with `fieldErrorProps(htmlFor, errors)` on the control.
 * The hint has id `${htmlFor}-hint` for use in the control's aria-describedby.
 */
function FormField({ label, htmlFor, error, hint, required, className, children }: FormFieldProps) {
  const messages = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hasError = messages.length > 0;

  return (
    <div
      data-slot="form-field"
      data-invalid={hasError || undefined}
      className={cn("grid gap-2", className)}
    >
      <Label htmlFor={htmlFor} className={cn(hasError && "text-destructive")}>
        {label}
        {required && (
          <>
            <span aria-hidden="true" className="text-destructive">
              *
            </span>
            <span className="sr-only">(required)</span>
          </>
        )}
      </Label>
      {children}
      {hint && (
        <p id={fieldHintId(htmlFor)} data-slot="form-field-hint" className="text-sm text-muted-foreground">
          {hint}
        </p>
      )}
      {hasError && (
        <p
          id={fieldErrorId(htmlFor)}
          role="alert"
          data-slot="form-field-error"
          className="text-sm font-medium text-destructive"
        >
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}

export { FormField, fieldErrorId, fieldErrorProps, fieldHintId };
export type { FieldErrors, FormFieldProps };
