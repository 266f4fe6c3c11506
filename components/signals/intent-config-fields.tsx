"use client";

import type { ReactNode } from "react";
import { FormField, fieldErrorId, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { FOOTER_TOKENS, MERGE_FIELDS } from "@/lib/approvals/templates";
import type { IntentConfig } from "@/lib/signals/settings-schema";
import { SIGNAL_TYPE_INFO, SIGNAL_TYPES } from "@/lib/signals/types";

type Errors = Record<string, string[] | undefined>;

interface IntentConfigFieldsProps {
  /** Where the fields start: production's configuration, or an experiment's. */
  initial: IntentConfig;
  /** Keyed by the fields' names (IntentConfigInput's paths, the budget's under enrichmentMonthlyCapCents). */
  errors: Errors;
}

/*
 * The fields post flat, named as lib/signals/settings-form.ts reads them ("weights.sms_reply",
 * "drafting.lead.subject", the budget in dollars as enrichmentMonthlyCapDollars): the Signals
 * settings form and the laboratory's experiment form both render these fields.
 */

/** A number input in a table cell: its label is the column and row, read out by screen readers. */
function CellInput({ name, label, defaultValue, hint, errors }: { name: string; label: string; defaultValue: number; hint: string; errors: Errors }) {
  const error = errors[name];
  const described = [`${name}-hint`, error ? fieldErrorId(name) : null].filter(Boolean).join(" ");
  return (
    <div className="grid gap-1">
      <Input id={name} name={name} inputMode="decimal" aria-label={label} defaultValue={String(defaultValue)} className="w-20 sm:w-24" {...fieldErrorProps(name, errors)} aria-describedby={described} />
      <span id={`${name}-hint`} className="text-xs text-muted-foreground">{hint}</span>
      {error && <span id={fieldErrorId(name)} role="alert" className="text-xs font-medium text-destructive">{error.join(" ")}</span>}
    </div>
  );
}

function NumberField({ name, label, hint, defaultValue, errors, errorKey = name, suffix }: { name: string; label: string; hint: string; defaultValue: string; errors: Errors; errorKey?: string; suffix: string }) {
  const mapped = { [name]: errors[errorKey] };
  return (
    <FormField label={label} htmlFor={name} error={errors[errorKey]} hint={hint}>
      <div className="flex items-center gap-2">
        <Input id={name} name={name} inputMode="decimal" defaultValue={defaultValue} className="max-w-32" {...fieldErrorProps(name, mapped)} />
        <span className="text-sm text-muted-foreground" aria-hidden="true">{suffix}</span>
      </div>
    </FormField>
  );
}

function TemplateFields({ kind, title, initial, errors }: { kind: "lead" | "buyer"; title: string; initial: IntentConfig; errors: Errors }) {
  const subject = `drafting.${kind}.subject`;
  const body = `drafting.${kind}.body`;
  return (
    <fieldset className="grid gap-4">
      <legend className="mb-2 font-medium">{title}</legend>
      <FormField label="Subject" htmlFor={subject} error={errors[subject]}>
        <Input id={subject} name={subject} defaultValue={initial.drafting[kind].subject} {...fieldErrorProps(subject, errors)} />
      </FormField>
      <FormField label="Body" htmlFor={body} error={errors[body]}>
        <Textarea id={body} name={body} rows={12} defaultValue={initial.drafting[kind].body} className="font-mono text-sm" {...fieldErrorProps(body, errors)} />
      </FormField>
    </fieldset>
  );
}

/** Opens a folded section that holds an error, so the error can be seen and fixed. */
function hasErrorUnder(errors: Errors, ...prefixes: string[]) {
  return Object.entries(errors).some(([key, messages]) => messages?.length && prefixes.some((p) => key.startsWith(p)));
}

/**
 * One part of the configuration: a headed section on a page of its own, or (inside a bigger
 * form) a folded section that opens on request or when it holds an error, or an unfoldable group.
 */
function Part({ id, title, as, open = false, children }: { id: string; title: string; as: "section" | "details" | "fieldset"; open?: boolean; children: ReactNode }) {
  if (as === "details") {
    return (
      <details className="rounded-md border" open={open || undefined}>
        <summary className="cursor-pointer px-3 py-2 font-medium">{title}</summary>
        <div className="grid gap-4 border-t p-3">{children}</div>
      </details>
    );
  }
  if (as === "fieldset") {
    return (
      <fieldset className="grid gap-4">
        <legend className="mb-2 font-medium">{title}</legend>
        {children}
      </fieldset>
    );
  }
  return (
    <section aria-labelledby={id} className="grid gap-4">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * The intent configuration's fields (IntentConfigInput): each signal type's points and
 * half-life, the threshold and limits, the drafting templates and prompt. The long sections
 * fold away (`folded`) where the configuration is one part of a bigger form.
 */
export function IntentConfigFields({ initial, errors, folded = false }: IntentConfigFieldsProps & { folded?: boolean }) {
  const foldable = folded ? "details" : "section";
  return (
    <div className="grid gap-8">
      <Part id="signal-weights-heading" title="Signal weights and half-lives" as={foldable} open={hasErrorUnder(errors, "weights.", "halfLifeHours.")}>
        <p className="text-sm text-muted-foreground">
          A signal is worth its points when fresh, half of them after its half-life, a quarter after two. A person&apos;s intent score is the sum, at most 100.
        </p>
        <div tabIndex={0} role="region" aria-label="Signal weights and half-lives table" className="overflow-x-auto rounded-md border focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none">
          <table className="w-full text-sm">
            <thead className="border-b bg-muted/40 text-left">
              <tr>
                <th scope="col" className="px-2 py-2 font-medium sm:px-3">Signal</th>
                <th scope="col" className="px-2 py-2 font-medium sm:px-3">Weight (points)</th>
                <th scope="col" className="px-2 py-2 font-medium sm:px-3">Half-life (hours)</th>
              </tr>
            </thead>
            <tbody>
              {SIGNAL_TYPES.map((type) => {
                const info = SIGNAL_TYPE_INFO[type];
                return (
                  <tr key={type} className="border-b align-top last:border-0">
                    <th scope="row" className="px-2 py-2 text-left font-normal sm:px-3">
                      <span className="font-medium">{info.label}</span>
                      <span className="block text-xs text-muted-foreground">{info.verb}</span>
                    </th>
                    <td className="px-2 py-2 sm:px-3">
                      <CellInput name={`weights.${type}`} label={`${info.label} weight`} defaultValue={initial.weights[type]} hint={`Seeded ${info.weight}`} errors={errors} />
                    </td>
                    <td className="px-2 py-2 sm:px-3">
                      <CellInput name={`halfLifeHours.${type}`} label={`${info.label} half-life`} defaultValue={initial.halfLifeHours[type]} hint={`Seeded ${info.halfLifeHours} h`} errors={errors} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Part>

      <Part id="limits-heading" title="Threshold and limits" as={folded ? "fieldset" : "section"}>
        <div className="grid gap-6 md:grid-cols-3">
          <NumberField name="highIntentThreshold" label="High-intent threshold" suffix="points" hint="A score reaching this proposes a draft for approval. Seeded 70." defaultValue={String(initial.highIntentThreshold)} errors={errors} />
          <NumberField name="emailDailyLimitPerPerson" label="Emails per person per day" suffix="emails" hint="Checked when drafting and again when sending. Seeded 1." defaultValue={String(initial.emailDailyLimitPerPerson)} errors={errors} />
          <NumberField
            name="enrichmentMonthlyCapDollars"
            errorKey="enrichmentMonthlyCapCents"
            label="Enrichment budget per person per month"
            suffix="dollars"
            hint="Skip-trace lookups stop for a person when the next one would pass this. Seeded $0.50."
            defaultValue={(initial.enrichmentMonthlyCapCents / 100).toFixed(2)}
            errors={errors}
          />
        </div>
      </Part>

      <Part id="templates-heading" title="Drafting templates and prompt" as={foldable} open={hasErrorUnder(errors, "drafting.")}>
        <div className="grid gap-2 rounded-md border bg-muted/30 p-4 text-sm">
          <p className="font-medium">Merge fields</p>
          <ul className="grid gap-1 md:grid-cols-2">
            {MERGE_FIELDS.map((field) => (
              <li key={field.name}>
                <code className="rounded bg-muted px-1">{`{{${field.name}}}`}</code> <span className="text-muted-foreground">{field.description}</span>
              </li>
            ))}
          </ul>
          <p>
            Footer tokens {FOOTER_TOKENS.map((t, i) => (<span key={t}>{i > 0 && " and "}<code className="rounded bg-muted px-1">{`{{${t}}}`}</code></span>))} must stay in every body: the outbound core fills them with the workspace&apos;s postal address and the person&apos;s unsubscribe link when it sends, and refuses an email that lost one.
          </p>
        </div>
        <div className="grid gap-8 lg:grid-cols-2">
          <TemplateFields kind="lead" title="To a lead (a deal's seller)" initial={initial} errors={errors} />
          <TemplateFields kind="buyer" title="To a buyer" initial={initial} errors={errors} />
        </div>
        <FormField label="Language-model prompt" htmlFor="drafting.prompt" error={errors["drafting.prompt"]} hint="The instructions a language-model drafter gets with each person's context. Not used by the template drafter.">
          <Textarea id="drafting.prompt" name="drafting.prompt" rows={7} defaultValue={initial.drafting.prompt} className="font-mono text-sm" {...fieldErrorProps("drafting.prompt", errors)} />
        </FormField>
      </Part>
    </div>
  );
}
