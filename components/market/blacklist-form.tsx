"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { focusFirstInvalidField } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { fieldErrors, type ActionResult } from "@/lib/http/result";

export interface BlacklistPayload {
  areaCode: string;
  blacklisted: boolean;
  reason?: string;
}

interface BlacklistFormProps {
  areaCode: string;
  blacklisted: boolean;
  setBlacklist: DirectAction<BlacklistPayload, { areaCode: string; blacklisted: boolean }>;
}

/** Blacklists an area (with the reason everyone will see) or lifts the mark. */
export function BlacklistForm({ areaCode, blacklisted, setBlacklist }: BlacklistFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState(
    (_previous: ActionResult<{ areaCode: string; blacklisted: boolean }> | null, payload: BlacklistPayload) => setBlacklist(null, payload),
    null,
  );
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  useEffect(() => {
    if (state?.ok) toast.success(state.data.blacklisted ? `${state.data.areaCode} blacklisted` : `${state.data.areaCode} is no longer blacklisted`);
    else if (state && !state.issues?.length) toast.error(state.error);
    else if (state) focusFirstInvalidField(formRef.current);
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    startTransition(() => dispatch({ areaCode, blacklisted: !blacklisted, ...(reason && { reason }) }));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-3" noValidate aria-label={blacklisted ? "Lift the blacklist" : "Blacklist this area"}>
      {!blacklisted && (
        <FormField label="Reason" htmlFor="reason" error={errors.reason} hint="Shown wherever a send or a match is refused for this area." required>
          <Textarea id="reason" name="reason" rows={2} maxLength={300} {...fieldErrorProps("reason", errors)} />
        </FormField>
      )}
      <div>
        <Button type="submit" variant={blacklisted ? "outline" : "destructive"} disabled={pending}>
          {pending ? "Saving..." : blacklisted ? "Lift the blacklist" : "Blacklist this area"}
        </Button>
      </div>
    </form>
  );
}
