"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { toast } from "@/components/ui/toaster";
import { fieldErrors, type ActionResult } from "@/lib/http/result";
import { isServerActionTooLargeMessage } from "@/lib/http/server-action-size";
import type { FormAction } from "./action-types";

/**
 * Submits a form to a server action without React's automatic form reset, so what the
 * user typed stays in place when the server answers with errors.
 */
export function useFormAction<T>(action: FormAction<T>, before?: (formData: FormData) => void) {
  const [state, dispatch, pending] = useActionState(async (previous: ActionResult<T> | null, formData: FormData) => {
    try {
      return await action(previous, formData);
    } catch (error) {
      // A body over the size limit is refused before the action runs, and Next's client
      // throws the refusal's text: show it like any form error, keeping what was typed.
      if (error instanceof Error && isServerActionTooLargeMessage(error.message)) return { ok: false, error: error.message } as ActionResult<T>;
      throw error;
    }
  }, null);
  const formRef = useRef<HTMLFormElement | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    formRef.current = event.currentTarget;
    const formData = new FormData(event.currentTarget);
    before?.(formData);
    startTransition(() => dispatch(formData));
  }
  // Field errors render with aria-invalid (fieldErrorProps): take the user to the first one,
  // so the error is announced and can be fixed without hunting for it.
  useEffect(() => {
    if (!state || state.ok || !state.issues?.length) return;
    focusFirstInvalidField(formRef.current);
  }, [state]);
  return { state, onSubmit, pending };
}

/** Focuses the form's first control marked invalid; true when there was one. */
export function focusFirstInvalidField(form: HTMLFormElement | null): boolean {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return false;
  field.focus();
  return true;
}

/**
 * A form that saves: field errors for the form, a toast when saved (then `onSaved`), and a
 * toast for an error that belongs to no field.
 */
export function useSavingForm<T>(action: FormAction<T>, onSaved?: () => void, before?: (formData: FormData) => void) {
  const { state, onSubmit, pending } = useFormAction(action, before);
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });
  useEffect(() => {
    if (state?.ok) {
      toast.success(state.message ?? "Saved");
      onSavedRef.current?.();
    } else if (state && !state.issues?.length) toast.error(state.error);
  }, [state]);
  return { state, onSubmit, pending, errors };
}
