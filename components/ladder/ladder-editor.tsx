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
import { LADDER_CHANNELS, MAIL_PIECE_KINDS, MAX_LADDER_STEPS, MAX_STEP_VARIANTS, type LadderChannel, type LadderTemplateInput } from "@/lib/ladder/schema";
import { ContentFindings } from "@/components/deliverability/content-findings";
import { checkTemplateContent } from "@/lib/deliverability/content-check";
import { TEMPLATE_FIELDS } from "@/lib/ladder/template";
import { formatDelayText, parseDelay } from "@/lib/ladder/delay";
import { formatDelay } from "./format";

interface EditableStep {
  key: number;
  channel: LadderChannel;
  /** As typed: "30m", "3h", "1d", "1d 12h". */
  delay: string;
  template: string;
  /** An SMS step's further wordings, rotated with the template. */
  variants: string[];
  mailKind: MailKind;
}

type MailKind = (typeof MAIL_PIECE_KINDS)[number];

interface LadderEditorProps {
  steps: { channel: LadderChannel; delayMinutes: number; template: string; variants?: string[]; mailKind?: MailKind }[];
  canEdit: boolean;
  saveLadder: FormAction<unknown, LadderTemplateInput>;
}

let nextKey = 1;

/** The tenant's ladder: steps with channel, delay after the start and template; saved with a reason. */
export function LadderEditor({ steps: initial, canEdit, saveLadder }: LadderEditorProps) {
  const [steps, setSteps] = useState<EditableStep[]>(() =>
    initial.map((s) => ({ channel: s.channel, template: s.template, variants: s.variants ?? [], mailKind: s.mailKind ?? "POSTCARD", delay: formatDelayText(s.delayMinutes), key: nextKey++ })),
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
    setSteps((all) => [...all, { key: nextKey++, channel: "CALL", delay: all.length ? all[all.length - 1].delay : "0m", template: "", variants: [], mailKind: "POSTCARD" }]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The text goes as typed; the shared schema reads it, so the form and the server agree.
    const payload = {
      steps: steps.map(({ channel, delay, template, variants, mailKind }) => ({
        channel,
        delayMinutes: delay,
        template,
        ...(channel === "SMS" ? { variants } : {}),
        ...(channel === "MAIL" ? { mailKind } : {}),
      })),
      reason,
    };
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
            <li key={step.key} className="grid gap-3 rounded-lg border p-3 md:grid-cols-[2rem_8rem_10rem_minmax(0,1fr)_auto] md:items-start">
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
              <div className="grid content-start gap-3">
                <FormField
                  label={step.channel === "CALL" ? "Call notes (optional)" : step.channel === "MAIL" ? "Mail piece text" : step.variants.length ? "Message template (wording 1)" : "Message template"}
                  htmlFor={id("template")}
                  error={error("template")}
                  hint={step.channel === "SMS" || step.channel === "EMAIL" ? <ContentFindings text={step.template} channel={step.channel} /> : undefined}
                >
                  <Textarea id={id("template")} rows={2} value={step.template} disabled={!canEdit} onChange={(e) => update(index, { template: e.target.value })} {...describedBy(id("template"), error("template"), hasFindings(step, step.template))} />
                </FormField>
                {step.channel === "MAIL" && (
                  <FormField label="Piece" htmlFor={id("mailKind")} error={error("mailKind")}>
                    <NativeSelect id={id("mailKind")} value={step.mailKind} disabled={!canEdit} onChange={(e) => update(index, { mailKind: e.target.value as MailKind })}>
                      <option value="POSTCARD">Postcard</option>
                      <option value="LETTER">Letter</option>
                    </NativeSelect>
                  </FormField>
                )}
                {step.channel === "SMS" && (
                  <StepVariants
                    stepNumber={index + 1}
                    idOf={(i) => id(`variant-${i}`)}
                    variants={step.variants}
                    errorOf={(i) => errors[`steps.${index}.variants.${i}`]}
                    canEdit={canEdit}
                    onChange={(variants) => update(index, { variants })}
                  />
                )}
              </div>
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
      <p className="text-xs text-muted-foreground">Placeholders: {TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(", ")}. Each step is moved into the lead&apos;s contact window when it falls due (a mail piece goes out when due). A text with several wordings rotates them, so no two texts in a row from a number read the same.</p>
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

const hasFindings = (step: EditableStep, text: string) => (step.channel === "SMS" || step.channel === "EMAIL") && checkTemplateContent(text, step.channel).length > 0;

/** The control's description: its content findings (the hint) and its error, when there are any. */
function describedBy(fieldId: string, error: string[] | undefined, findings: boolean) {
  const ids = [findings ? `${fieldId}-hint` : null, error?.length ? `${fieldId}-error` : null].filter(Boolean);
  return { ...(error?.length ? { "aria-invalid": true as const } : {}), ...(ids.length ? { "aria-describedby": ids.join(" ") } : {}) };
}

/**
 * An SMS step's further wordings: the sender rotates them with the template so no two
 * consecutive texts from a number are identical, and Deliverability reports each one's rates.
 */
function StepVariants({ stepNumber, idOf, variants, errorOf, canEdit, onChange }: {
  stepNumber: number;
  idOf: (i: number) => string;
  variants: string[];
  errorOf: (i: number) => string[] | undefined;
  canEdit: boolean;
  onChange: (variants: string[]) => void;
}) {
  return (
    <div className="grid gap-2">
      {variants.map((variant, i) => (
        <div key={i} className="flex items-start gap-1">
          <FormField className="flex-1" label={`Wording ${i + 2}`} htmlFor={idOf(i)} error={errorOf(i)} hint={<ContentFindings text={variant} channel="SMS" />}>
            <Textarea id={idOf(i)} rows={2} value={variant} disabled={!canEdit} onChange={(e) => onChange(variants.map((v, j) => (j === i ? e.target.value : v)))} {...describedBy(idOf(i), errorOf(i), checkTemplateContent(variant, "SMS").length > 0)} />
          </FormField>
          {canEdit && (
            <Button type="button" size="icon" variant="ghost" className="mt-6" aria-label={`Remove wording ${i + 2} of step ${stepNumber}`} onClick={() => onChange(variants.filter((_, j) => j !== i))}><Trash2 /></Button>
          )}
        </div>
      ))}
      {canEdit && (
        <div>
          <Button type="button" variant="outline" size="sm" disabled={variants.length >= MAX_STEP_VARIANTS} onClick={() => onChange([...variants, ""])}>
            <Plus /> {`Add a wording to step ${stepNumber}`}
          </Button>
        </div>
      )}
    </div>
  );
}
