"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/result";

type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

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
