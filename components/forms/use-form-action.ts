"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { toast } from "@/components/ui/toaster";
import { fieldErrors } from "@/lib/http/result";
import type { FormAction } from "./action-types";

/**
 * Submits a form to a server action without React's automatic form reset, so what the
 * user typed stays in place when the server answers with errors.
 */
export function useFormAction<T>(action: FormAction<T>, before?: (formData: FormData) => void) {
  const [state, dispatch, pending] = useActionState(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    before?.(formData);
    startTransition(() => dispatch(formData));
  }
  return { state, onSubmit, pending };
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
