"use client";

import { useEffect, useRef } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { fieldErrors } from "@/lib/http/result";
import { TASK_OUTCOME_LABELS, TASK_OUTCOMES } from "@/lib/ladder/schema";

/** Close a task: what happened on the call, done or skipped, with optional notes. */
export type CompleteTaskAction = FormAction<{ status: string }>;

interface CompleteTaskFormProps {
  taskId: string;
  closed: string | null;
  /** The calling-hours notice when the lead may not be called now: logging a call then needs a confirmation. */
  outsideHours?: string | null;
  completeTask: CompleteTaskAction;
}

export function CompleteTaskForm({ taskId, closed, outsideHours = null, completeTask }: CompleteTaskFormProps) {
  // Which button submitted: set on click, before the submit event reads the form.
  const resolution = useRef<HTMLInputElement>(null);
  const { state, onSubmit, pending } = useFormAction(completeTask);
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};
  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(state.data.status === "DONE" ? "Task completed" : "Task skipped");
    else if (!state.issues?.length) toast.error(state.error);
  }, [state]);

  // Once closed the form gives way to what happened; staying mounted lets the toast above fire.
  if (closed) return <p className="text-muted-foreground">{closed}</p>;
  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Close task">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="resolution" defaultValue="done" ref={resolution} />
      <FormField label="Outcome" htmlFor="task-outcome" error={errors.outcome} required>
        <NativeSelect id="task-outcome" name="outcome" defaultValue="" {...fieldErrorProps("task-outcome", { "task-outcome": errors.outcome })}>
          <option value="" disabled>Choose what happened</option>
          {TASK_OUTCOMES.map((o) => <option key={o} value={o}>{TASK_OUTCOME_LABELS[o]}</option>)}
        </NativeSelect>
      </FormField>
      <FormField label="Notes" htmlFor="task-notes" error={errors.notes}>
        <Textarea id="task-notes" name="notes" rows={3} placeholder="What the seller said, when to call back..." />
      </FormField>
      {(outsideHours || errors.outsideHoursConfirmed) && (
        <div className="grid gap-1">
          <div className="flex items-start gap-2">
            <Checkbox id="task-outside-hours" name="outsideHoursConfirmed" className="mt-0.5" {...fieldErrorProps("task-outside-hours", { "task-outside-hours": errors.outsideHoursConfirmed })} />
            <Label htmlFor="task-outside-hours" className="leading-snug">
              I made this call outside the lead&apos;s calling hours{outsideHours ? ` (${outsideHours.replace(/^Outside calling hours /, "")})` : ""}; record it anyway
            </Label>
          </div>
          {errors.outsideHoursConfirmed && (
            <p id="task-outside-hours-error" role="alert" className="text-sm text-destructive">{errors.outsideHoursConfirmed.join(" ")}</p>
          )}
        </div>
      )}
      {errors.taskId && <p role="alert" className="text-sm text-destructive">{errors.taskId.join(" ")}</p>}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} onClick={() => { if (resolution.current) resolution.current.value = "done"; }}>{pending ? "Saving..." : "Complete task"}</Button>
        <Button type="submit" variant="outline" disabled={pending} onClick={() => { if (resolution.current) resolution.current.value = "skipped"; }}>Skip</Button>
      </div>
    </form>
  );
}
