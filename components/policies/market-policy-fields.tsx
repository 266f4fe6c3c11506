"use client";

import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldErrorId, fieldErrorProps, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CHANNELS, MAX_TOUCHES_PER_24_HOURS, WEEKDAY_NAMES, type Channel } from "@/lib/policy/schema";
import { WEEKDAYS, dayFieldNames, type MarketPolicyGrid, type Weekday } from "./market-policy-form";

const CHANNEL_LABELS: Record<Channel, string> = { SMS: "Text (SMS)", CALL: "Call", EMAIL: "Email" };

function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return <p id={fieldErrorId(name)} role="alert" className="text-sm font-medium text-destructive">{messages.join(" ")}</p>;
}

function DayRow({ day, hours, errors }: { day: Weekday; hours: MarketPolicyGrid["days"][number]; errors: FieldErrors }) {
  const names = dayFieldNames(day);
  const [open, setOpen] = useState(hours.open);
  const name = WEEKDAY_NAMES[day];
  return (
    <div className="grid grid-cols-[7.5rem_1fr_1fr] items-center gap-x-3 gap-y-1" data-testid={`contact-day-${day}`}>
      <div className="flex items-center gap-2">
        <Checkbox id={names.open} name={names.open} checked={open} onCheckedChange={(value) => setOpen(value === true)} />
        <Label htmlFor={names.open}>{name}</Label>
      </div>
      {/* Closed days keep what was typed (disabled fields are not posted), so reopening restores it. */}
      <Input id={names.start} name={names.start} type="time" aria-label={`${name} start`} defaultValue={hours.start} disabled={!open} {...fieldErrorProps(names.start, errors)} />
      <Input id={names.end} name={names.end} type="time" aria-label={`${name} end`} defaultValue={hours.end} disabled={!open} {...fieldErrorProps(names.end, errors)} />
      {(errors[names.start] || errors[names.end]) && (
        <div className="col-span-3 grid grid-cols-subgrid">
          <span />
          <div><FieldError name={names.start} errors={errors} /></div>
          <div><FieldError name={names.end} errors={errors} /></div>
        </div>
      )}
    </div>
  );
}

/** The rules part of the contact-rules form: enabled, the weekday grid, channels, minimum score. */
export function MarketPolicyFields({ grid, errors, warnings = [] }: { grid: MarketPolicyGrid; errors: FieldErrors; warnings?: string[] }) {
  return (
    <div className="grid gap-4">
      <div className="flex items-center gap-2">
        <Checkbox id="enabled" name="enabled" defaultChecked={grid.enabled} />
        <Label htmlFor="enabled">Enabled (when off, nobody in this scope is contacted)</Label>
      </div>
      {grid.citation && <input type="hidden" name="citation" value={grid.citation} />}

      <fieldset className="grid gap-2" aria-describedby="contact-windows-hint">
        <legend className="mb-1 text-sm font-medium">Contact windows</legend>
        <p id="contact-windows-hint" className="text-sm text-muted-foreground">
          Times are the lead&apos;s local time. Start inclusive, end exclusive. Sunday closed unless opened. An end of 00:00 means midnight.
        </p>
        <div className="grid grid-cols-[7.5rem_1fr_1fr] gap-x-3 text-xs text-muted-foreground" aria-hidden>
          <span>Day</span><span>Start</span><span>End</span>
        </div>
        {WEEKDAYS.map((day) => <DayRow key={day} day={day} hours={grid.days[day]} errors={errors} />)}
        {warnings.length > 0 && (
          <ul className="rounded-md border border-amber-500/50 bg-amber-500/10 p-2 text-sm">
            {warnings.map((warning) => <li key={warning}>{warning}</li>)}
          </ul>
        )}
      </fieldset>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Channels</legend>
        <div className="flex flex-wrap gap-4">
          {CHANNELS.map((channel) => (
            <div key={channel} className="flex items-center gap-2">
              <Checkbox id={`channel-${channel}`} name="channels" value={channel} defaultChecked={grid.channels.includes(channel)} {...fieldErrorProps("channels", errors)} />
              <Label htmlFor={`channel-${channel}`}>{CHANNEL_LABELS[channel]}</Label>
            </div>
          ))}
        </div>
        <FieldError name="channels" errors={errors} />
      </fieldset>

      <FormField label="Minimum lead score (0-100)" htmlFor="minLeadScore" error={errors.minLeadScore} className="sm:max-w-48">
        <Input id="minLeadScore" name="minLeadScore" type="number" min={0} max={100} inputMode="numeric" defaultValue={grid.minLeadScore} {...fieldErrorProps("minLeadScore", errors)} />
      </FormField>
      <FormField
        label="Most touches per lead in 24 hours"
        htmlFor="maxTouchesPer24Hours"
        error={errors.maxTouchesPer24Hours}
        hint="Ladder texts, emails and calls together; later steps wait until the count allows them."
        className="sm:max-w-80"
      >
        <Input
          id="maxTouchesPer24Hours"
          name="maxTouchesPer24Hours"
          type="number"
          min={1}
          max={MAX_TOUCHES_PER_24_HOURS}
          inputMode="numeric"
          defaultValue={grid.maxTouchesPer24Hours}
          {...fieldErrorProps("maxTouchesPer24Hours", errors)}
        />
      </FormField>
      {grid.citation && <p className="text-xs text-muted-foreground">Legal basis, kept with the rules: {grid.citation}</p>}
    </div>
  );
}
