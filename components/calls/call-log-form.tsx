"use client";

import { useEffect, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { LogCallResult } from "@/lib/calls/log-call";
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES } from "@/lib/calls/rules";
import { fieldErrors } from "@/lib/http/result";
import { clockOf } from "./use-elapsed";

interface CallLogFormProps {
  callId: string;
  /** The running timer, in seconds: the length field follows it until the member types their own. */
  elapsed: number;
  logCall: FormAction<LogCallResult>;
  onLogged: (result: LogCallResult) => void;
}

/** What happened on the call: outcome, length and notes, with each error beside its field. */
export function CallLogForm({ callId, elapsed, logCall, onLogged }: CallLogFormProps) {
  const { state, onSubmit, pending } = useFormAction(logCall);
  const [typedLength, setTypedLength] = useState<string | null>(null);
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  const formError = state && !state.ok ? (errors.callId?.join(" ") ?? (state.issues?.length ? null : state.error)) : null;
  useEffect(() => {
    if (state?.ok) onLogged(state.data);
  }, [state, onLogged]);

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Log the call">
      <input type="hidden" name="callId" value={callId} />
      <FormField label="Outcome" htmlFor="call-outcome" error={errors.outcome} required>
        <NativeSelect id="call-outcome" name="outcome" defaultValue="" {...fieldErrorProps("call-outcome", { "call-outcome": errors.outcome })}>
          <option value="" disabled>Choose what happened</option>
          {CALL_OUTCOMES.map((o) => <option key={o} value={o}>{CALL_OUTCOME_LABELS[o]}</option>)}
        </NativeSelect>
      </FormField>
      <FormField label="Length (min:sec)" htmlFor="call-length" error={errors.durationSeconds} hint="Follows the timer until you change it.">
        <Input
          id="call-length"
          name="durationSeconds"
          inputMode="numeric"
          autoComplete="off"
          value={typedLength ?? clockOf(elapsed)}
          onChange={(event) => setTypedLength(event.target.value)}
          {...fieldErrorProps("call-length", { "call-length": errors.durationSeconds })}
          aria-describedby={errors.durationSeconds ? "call-length-error call-length-hint" : "call-length-hint"}
        />
      </FormField>
      <FormField label="Notes" htmlFor="call-notes" error={errors.notes}>
        <Textarea id="call-notes" name="notes" rows={3} placeholder="What the seller said, when to call back..." {...fieldErrorProps("call-notes", { "call-notes": errors.notes })} />
      </FormField>
      {formError && <p role="alert" className="text-sm text-destructive">{formError}</p>}
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Log call"}</Button>
      </div>
    </form>
  );
}
