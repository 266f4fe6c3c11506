"use client";

import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/select";
import { PLAN_LIMITS, PLANS, type Plan } from "@/lib/plans/plans";

function planSummary(plan: Plan): string {
  const limits = PLAN_LIMITS[plan];
  const properties = limits.monthlyProperties === null ? "unlimited properties" : `${limits.monthlyProperties.toLocaleString("en-US")} properties a month`;
  return `${limits.label}: ${properties}`;
}

/** Owners move the workspace to another plan; the change is audited. */
export function PlanForm({ plan, changePlan }: { plan: Plan; changePlan: FormAction<unknown> }) {
  const { onSubmit, pending, errors } = useSavingForm(changePlan);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate aria-label="Change plan">
      <FormField label="Plan" htmlFor="plan" error={errors.plan} className="min-w-64 flex-1 sm:max-w-sm">
        <NativeSelect id="plan" name="plan" defaultValue={plan} disabled={pending} {...fieldErrorProps("plan", errors)}>
          {PLANS.map((option) => (
            <option key={option} value={option}>{planSummary(option)}</option>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Change plan"}</Button>
    </form>
  );
}
