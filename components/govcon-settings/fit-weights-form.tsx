"use client";

import { useRef, useState, type FormEvent } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { DEFAULT_FIT_WEIGHTS, FIT_WEIGHT_DOCS, FIT_WEIGHT_NAMES, type FitWeightName, type FitWeights } from "@/lib/govcon/fit-weights";
import { describedBy } from "./field-errors";

const GROUPS: { legend: string; names: FitWeightName[] }[] = [
  { legend: "NAICS and PSC", names: ["naicsExact", "naicsPrefix", "naicsNone", "pscMatch", "pscMiss"] },
  { legend: "Set-aside", names: ["setAsideEligible", "setAsideOpen"] },
  { legend: "Keywords", names: ["keywordHit", "keywordCap", "excludedKeyword"] },
  { legend: "Place and value", names: ["placeMatch", "placeOutside", "valueInRange", "valueOutside"] },
  { legend: "Notice type", names: ["typeSolicitation", "typePresolicitation", "typeSourcesSought", "typeSpecialNotice"] },
  { legend: "Deadline runway", names: ["runwayAmple", "runwayTight", "runwayShort"] },
];

interface FitWeightsFormProps {
  weights: FitWeights;
  saveWeights: FormAction<unknown>;
  resetWeights: FormAction<unknown>;
}

export function FitWeightsForm({ weights, saveWeights, resetWeights }: FitWeightsFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSavingForm(saveWeights);
  // A reset answers the last save's errors: they stay hidden until the next save.
  const [errorsAnswered, setErrorsAnswered] = useState(false);
  const errors = errorsAnswered ? {} : save.errors;
  const pending = save.pending;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setErrorsAnswered(false);
    save.onSubmit(event);
  };
  // The fields keep what was typed (they are uncontrolled): once reset, show the defaults.
  const reset = useSavingForm(resetWeights, () => {
    for (const name of FIT_WEIGHT_NAMES) {
      const input = formRef.current?.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = String(DEFAULT_FIT_WEIGHTS[name]);
    }
    setErrorsAnswered(true);
  });
  const busy = pending || reset.pending;
  const changed = FIT_WEIGHT_NAMES.some((name) => weights[name] !== DEFAULT_FIT_WEIGHTS[name]);
  return (
    <div className="grid max-w-3xl gap-4">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-6" noValidate aria-label="Fit weights">
        <fieldset disabled={busy} className="grid gap-6 md:grid-cols-2">
          {GROUPS.map((group) => (
            <fieldset key={group.legend} className="grid content-start gap-4">
              <legend className="mb-2 font-medium">{group.legend}</legend>
              {group.names.map((name) => (
                <FormField key={name} label={FIT_WEIGHT_DOCS[name].label} htmlFor={name} error={errors[name]} hint={`${FIT_WEIGHT_DOCS[name].meaning} Default ${DEFAULT_FIT_WEIGHTS[name]}.`}>
                  <div className="flex items-center gap-2">
                    <Input id={name} name={name} inputMode="numeric" defaultValue={String(weights[name])} className="max-w-24" {...describedBy(name, errors)} />
                    <span className="text-sm text-muted-foreground" aria-hidden="true">points</span>
                  </div>
                </FormField>
              ))}
            </fieldset>
          ))}
        </fieldset>
        <div>
          <Button type="submit" disabled={busy}>{pending ? "Saving..." : "Save weights"}</Button>
        </div>
      </form>
      {changed && (
        <form onSubmit={reset.onSubmit} aria-label="Reset fit weights">
          <Button type="submit" variant="outline" disabled={busy}>{reset.pending ? "Resetting..." : "Reset every weight to its default"}</Button>
        </form>
      )}
    </div>
  );
}
