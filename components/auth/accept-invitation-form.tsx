"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { fieldErrors } from "@/lib/http/result";

interface AcceptInvitationFormProps {
  token: string;
  email: string;
  hasAccount: boolean;
  acceptInvitation: FormAction<{ email: string }>;
}

export function AcceptInvitationForm({ token, email, hasAccount, acceptInvitation }: AcceptInvitationFormProps) {
  const router = useRouter();
  const password = useRef("");
  const { state, onSubmit, pending } = useFormAction(acceptInvitation, (formData) => {
    password.current = String(formData.get("password") ?? "");
  });
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};

  useEffect(() => {
    if (!state?.ok) return;
    void signIn("credentials", { email, password: password.current, redirect: false }).then((result) => {
      router.replace(result?.ok ? "/dashboard" : "/login");
      router.refresh();
    });
  }, [state, email, router]);

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormField label="Email" htmlFor="invite-email">
        <Input id="invite-email" value={email} readOnly disabled />
      </FormField>
      {!hasAccount && (
        <FormField label="Your name" htmlFor="name" error={errors.name} required>
          <Input id="name" name="name" autoComplete="name" {...fieldErrorProps("name", errors)} />
        </FormField>
      )}
      <FormField
        label={hasAccount ? "Your password" : "Choose a password"}
        htmlFor="password"
        error={errors.password}
        hint={hasAccount ? undefined : "At least 10 characters."}
        required
      >
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete={hasAccount ? "current-password" : "new-password"}
          {...fieldErrorProps("password", errors)}
        />
      </FormField>
      {state && !state.ok && (errors.token || !state.issues?.length) && (
        <p role="alert" className="text-sm text-destructive">{errors.token?.[0] ?? state.error}</p>
      )}
      <Button type="submit" disabled={pending || state?.ok}>
        {state?.ok ? "Signing you in..." : pending ? "Joining..." : "Join workspace"}
      </Button>
    </form>
  );
}
