"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { fieldErrors } from "@/lib/http/result";
import { LADDER_CHANNELS, MAX_LADDER_STEPS, type LadderChannel, type LadderTemplateInput } from "@/lib/ladder/schema";
import { TEMPLATE_FIELDS } from "@/lib/ladder/template";
import { formatDelayText, parseDelay } from "@/lib/ladder/delay";
import { formatDelay } from "./format";

interface EditableStep {
  key: number;
  channel: LadderChannel;
  /** As typed: "30m", "3h", "1d", "1d 12h". */
  delay: string;
  template: string;
}

interface LadderEditorProps {
  steps: { channel: LadderChannel; delayMinutes: number; template: string }[];
  canEdit: boolean;
  saveLadder: FormAction<unknown, LadderTemplateInput>;
}

let nextKey = 1;

/** The tenant's ladder: steps with channel, delay after the start and template; saved with a reason. */
export function LadderEditor({ steps: initial, canEdit, saveLadder }: LadderEditorProps) {
  const [steps, setSteps] = useState<EditableStep[]>(() =>
    initial.map((s) => ({ channel: s.channel, template: s.template, delay: formatDelayText(s.delayMinutes), key: nextKey++ })),
  );
  const [reason, setReason] = useState("");
  const [state, dispatch, pending] = useActionState(saveLadder, null);
  const errors = state && !state.ok ? fieldErrors(state.issues) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(state.message ?? "Ladder saved");
      setReason("");
    } else if (!state.issues?.length) toast.error(state.error);
  }, [state]);

  const update = (index: number, patch: Partial<EditableStep>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const add = () =>
    setSteps((all) => [...all, { key: nextKey++, channel: "CALL", delay: all.length ? all[all.length - 1].delay : "0m", template: "" }]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The text goes as typed; the shared schema reads it, so the form and the server agree.
    const payload = { steps: steps.map(({ channel, delay, template }) => ({ channel, delayMinutes: delay, template })), reason };
    startTransition(() => dispatch(payload));
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label="Ladder steps">
      {errors.steps && <p role="alert" className="text-sm text-destructive">{errors.steps.join(" ")}</p>}
      <ol className="grid gap-3">
        {steps.map((step, index) => {
          const id = (field: string) => `step-${index}-${field}`;
          const error = (field: string) => errors[`steps.${index}.${field}`];
          const delay = parseDelay(step.delay);
          return (
            <li key={step.key} className="grid gap-3 rounded-lg border p-3 md:grid-cols-[2rem_8rem_10rem_minmax(0,1fr)_auto]">
              <span className="pt-8 text-sm font-medium text-muted-foreground tabular-nums">{index + 1}.</span>
              <FormField label="Channel" htmlFor={id("channel")} error={error("channel")}>
                <NativeSelect id={id("channel")} value={step.channel} disabled={!canEdit} onChange={(e) => update(index, { channel: e.target.value as LadderChannel })}>
                  {LADDER_CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
                </NativeSelect>
              </FormField>
              <FormField
                label="Delay after start"
                htmlFor={id("delay")}
                error={error("delayMinutes")}
                hint={delay === null ? "e.g. 30m, 3h, 1d" : delay === 0 ? "At once" : `${formatDelay(delay)} after the start`}
              >
                <Input
                  id={id("delay")}
                  value={step.delay}
                  autoComplete="off"
                  spellCheck={false}
                  disabled={!canEdit}
                  onChange={(e) => update(index, { delay: e.target.value })}
                  {...fieldErrorProps(id("delay"), { [id("delay")]: error("delayMinutes") })}
                />
              </FormField>
              <FormField label={step.channel === "CALL" ? "Call notes (optional)" : "Message template"} htmlFor={id("template")} error={error("template")}>
                <Textarea id={id("template")} rows={2} value={step.template} disabled={!canEdit} onChange={(e) => update(index, { template: e.target.value })} {...fieldErrorProps(id("template"), { [id("template")]: error("template") })} />
              </FormField>
              {canEdit && (
                <div className="flex items-start gap-1 pt-6">
                  <Button type="button" size="icon" variant="ghost" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}><ArrowUp /></Button>
                  <Button type="button" size="icon" variant="ghost" aria-label={`Move step ${index + 1} down`} disabled={index === steps.length - 1} onClick={() => move(index, 1)}><ArrowDown /></Button>
                  <Button type="button" size="icon" variant="ghost" aria-label={`Remove step ${index + 1}`} disabled={steps.length === 1} onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}><Trash2 /></Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-muted-foreground">Placeholders: {TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(", ")}. Each step is moved into the lead&apos;s contact window when it falls due.</p>
      {canEdit && (
        <>
          <div>
            <Button type="button" variant="outline" size="sm" onClick={add} disabled={steps.length >= MAX_LADDER_STEPS}><Plus /> Add step</Button>
          </div>
          <FormField label="Reason for the change" htmlFor="ladder-reason" error={errors.reason} required>
            <Input id="ladder-reason" value={reason} onChange={(e) => setReason(e.target.value)} {...fieldErrorProps("ladder-reason", { "ladder-reason": errors.reason })} />
          </FormField>
          <div>
            <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save ladder"}</Button>
          </div>
        </>
      )}
    </form>
  );
}
