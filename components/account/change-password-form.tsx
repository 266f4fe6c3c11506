"use client";

import { signOut } from "next-auth/react";
import { useEffect, useRef } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { focusFirstInvalidField, useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signInNoticeUrl } from "@/lib/auth/sign-in-notices";
import { fieldErrors } from "@/lib/http/result";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export function ChangePasswordForm({ changePassword }: { changePassword: FormAction<unknown> }) {
  const { state, onSubmit, pending } = useFormAction(changePassword);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};

  useEffect(() => {
    // Every session ended with the change, this one too: clear the cookie and sign in again.
    if (state?.ok) void signOut({ callbackUrl: signInNoticeUrl("password-changed") });
    if (!state || state.ok) return;
    // A password the server refused is typed again, not corrected in place; a refused new
    // password makes its confirmation moot too. The other fields keep what was typed.
    const invalid = new Set(FIELDS.filter((name) => fieldErrors(state.issues)[name]));
    if (invalid.has("newPassword")) invalid.add("confirmPassword");
    for (const name of invalid) {
      const input = formRef.current?.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = "";
    }
    focusFirstInvalidField(formRef.current);
  }, [state]);

  const formError = state && !state.ok && !state.issues?.length ? state.error : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-5" noValidate>
      <fieldset disabled={pending || state?.ok} className="grid gap-5">
        <FormField label="Current password" htmlFor="currentPassword" error={errors.currentPassword} required>
          <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" {...fieldErrorProps("currentPassword", errors)} />
        </FormField>
        <FormField label="New password" htmlFor="newPassword" error={errors.newPassword} hint="At least 10 characters, not too repetitive." required>
          <Input
            id="newPassword"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            {...fieldErrorProps("newPassword", errors)}
            aria-describedby={errors.newPassword ? "newPassword-error newPassword-hint" : "newPassword-hint"}
          />
        </FormField>
        <FormField label="Confirm new password" htmlFor="confirmPassword" error={errors.confirmPassword} required>
          <Input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" {...fieldErrorProps("confirmPassword", errors)} />
        </FormField>
      </fieldset>
      {formError && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {formError}
        </p>
      )}
      <p role="status" className="text-sm text-muted-foreground empty:hidden">
        {state?.ok ? "Password changed. Signing you out everywhere..." : ""}
      </p>
      <div>
        <Button type="submit" disabled={pending || state?.ok}>{pending ? "Changing..." : "Change password"}</Button>
      </div>
    </form>
  );
}
