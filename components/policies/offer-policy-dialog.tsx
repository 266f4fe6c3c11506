"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface OfferPolicyView {
  region: string;
  market: string;
  enabled: boolean;
  maxArvMultiplier: number;
  assignmentFee: number;
  feesBuffer: number;
  negotiationMargin: number;
}

interface OfferPolicyDialogProps {
  policy: OfferPolicyView;
  label: string;
  saveOfferPolicy: FormAction<unknown>;
}

export function OfferPolicyDialog({ policy, label, saveOfferPolicy }: OfferPolicyDialogProps) {
  const [open, setOpen] = useState(false);
  const { onSubmit, pending, errors } = useSavingForm(saveOfferPolicy, () => setOpen(false));

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit offer policy ${label}`}><Pencil className="size-4" aria-hidden /> Edit</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Offer policy: {label}</DialogTitle>
          <DialogDescription>MAO = ARV × multiplier − repairs − fees buffer; the recommended offer is MAO − the negotiation margin. Changes are versioned and audited.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <input type="hidden" name="region" value={policy.region} />
          <input type="hidden" name="market" value={policy.market} />
          <div className="flex items-center gap-2">
            <Checkbox id="enabled" name="enabled" defaultChecked={policy.enabled} />
            <Label htmlFor="enabled">Enabled: deals in this scope are underwritten with it</Label>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="ARV multiplier" htmlFor="maxArvMultiplier" error={errors.maxArvMultiplier}>
              <Input id="maxArvMultiplier" name="maxArvMultiplier" inputMode="decimal" defaultValue={policy.maxArvMultiplier} {...fieldErrorProps("maxArvMultiplier", errors)} />
            </FormField>
            <FormField label="Assignment fee ($)" htmlFor="assignmentFee" error={errors.assignmentFee}>
              <Input id="assignmentFee" name="assignmentFee" inputMode="numeric" defaultValue={policy.assignmentFee} {...fieldErrorProps("assignmentFee", errors)} />
            </FormField>
            <FormField label="Fees buffer ($)" htmlFor="feesBuffer" error={errors.feesBuffer}>
              <Input id="feesBuffer" name="feesBuffer" inputMode="numeric" defaultValue={policy.feesBuffer} {...fieldErrorProps("feesBuffer", errors)} />
            </FormField>
            <FormField label="Negotiation margin ($)" htmlFor="negotiationMargin" error={errors.negotiationMargin} hint="Kept below MAO: the first offer to make.">
              <Input id="negotiationMargin" name="negotiationMargin" inputMode="numeric" defaultValue={policy.negotiationMargin} {...fieldErrorProps("negotiationMargin", errors)} />
            </FormField>
          </div>
          <FormField label="Reason for the change" htmlFor="reason" error={errors.reason} required hint="Kept with the new version in the audit log.">
            <Input id="reason" name="reason" placeholder="e.g. Q1 expansion into Ontario" {...fieldErrorProps("reason", errors)} />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save policy"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
