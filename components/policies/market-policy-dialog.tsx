"use client";

import { Pencil, Plus } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldErrorProps, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { REGIONS, getRegion } from "@/lib/geo/regions";
import { fieldErrors } from "@/lib/http/result";
import { defaultPolicyRecord } from "@/lib/policy/defaults";
import { MarketPolicyFields } from "./market-policy-fields";
import { policyToGrid, type MarketPolicyView } from "./market-policy-form";

/** Fields the dialogs do not show next to a control: their errors go at the top of the form. */
const UNPLACED = ["_form", "citation", "enabled"];

export type SaveMarketPolicyAction = FormAction<{ region: string; market: string; version: number; created: boolean }>;

function useSaveMarketPolicy(saveMarketPolicy: SaveMarketPolicyAction, onOpenChange: (open: boolean) => void) {
  const { state, onSubmit, pending } = useFormAction(saveMarketPolicy);
  const errors: FieldErrors = state && !state.ok ? fieldErrors(state.issues) : {};
  useEffect(() => {
    if (state?.ok) {
      const { region, market, version, created } = state.data;
      toast.success(created ? `Contact rule for ${market} (${region}) added` : `Contact rules saved (version ${version})`);
      onOpenChange(false);
    } else if (state && !state.issues?.length) toast.error(state.error);
  }, [state, onOpenChange]);
  return { onSubmit, pending, errors };
}

function FormErrors({ errors, fields }: { errors: FieldErrors; fields: string[] }) {
  const messages = fields.flatMap((field) => errors[field] ?? []);
  if (messages.length === 0) return null;
  return <p role="alert" className="text-sm font-medium text-destructive">{messages.join(" ")}</p>;
}

function ReasonField({ errors }: { errors: FieldErrors }) {
  return (
    <FormField label="Reason for the change" htmlFor="reason" error={errors.reason} required hint="Kept with the new version in the audit log.">
      <Input id="reason" name="reason" placeholder="e.g. Counsel approved Sunday afternoons" {...fieldErrorProps("reason", errors)} />
    </FormField>
  );
}

interface EditMarketPolicyFormProps {
  policy: MarketPolicyView;
  saveMarketPolicy: SaveMarketPolicyAction;
  onOpenChange: (open: boolean) => void;
}

function EditMarketPolicyForm({ policy, saveMarketPolicy, onOpenChange }: EditMarketPolicyFormProps) {
  const { onSubmit, pending, errors } = useSaveMarketPolicy(saveMarketPolicy, onOpenChange);
  const { grid, warnings } = useMemo(() => policyToGrid(policy), [policy]);
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="region" value={policy.region} />
      <input type="hidden" name="market" value={policy.market} />
      <FormErrors errors={errors} fields={[...UNPLACED, "region", "market"]} />
      <MarketPolicyFields grid={grid} errors={errors} warnings={warnings} />
      <ReasonField errors={errors} />
      <DialogFooter>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save contact rules"}</Button>
      </DialogFooter>
    </form>
  );
}

interface MarketPolicyDialogProps {
  policy: MarketPolicyView;
  label: string;
  saveMarketPolicy: SaveMarketPolicyAction;
}

export function MarketPolicyDialog({ policy, label, saveMarketPolicy }: MarketPolicyDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit contact rules ${label}`}><Pencil className="size-4" aria-hidden /> Edit</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Contact rules: {label}</DialogTitle>
          <DialogDescription>When leads in this scope may be contacted, and how. Changes are versioned and audited.</DialogDescription>
        </DialogHeader>
        <EditMarketPolicyForm policy={policy} saveMarketPolicy={saveMarketPolicy} onOpenChange={setOpen} />
      </DialogContent>
    </Dialog>
  );
}

/** The rules a new market rule starts from: its region's rule, else the built-in default. */
function regionTemplate(region: string, regionPolicies: readonly MarketPolicyView[]) {
  const name = getRegion(region)?.name ?? region;
  const current = regionPolicies.find((p) => p.region === region && p.market === "ALL");
  if (current) {
    const status = current.enabled ? "" : " (disabled there: tick Enabled to allow contact in this market)";
    return { ...policyToGrid(current), note: `Starting from ${name}'s current rules${status}.` };
  }
  const fallback = defaultPolicyRecord(region);
  if (!fallback) return null;
  return { ...policyToGrid(fallback), note: `${name} has no rule yet, so nobody there is contacted; starting from the built-in default.` };
}

interface AddMarketPolicyFormProps {
  regionPolicies: readonly MarketPolicyView[];
  saveMarketPolicy: SaveMarketPolicyAction;
  onOpenChange: (open: boolean) => void;
}

function AddMarketPolicyForm({ regionPolicies, saveMarketPolicy, onOpenChange }: AddMarketPolicyFormProps) {
  const { onSubmit, pending, errors } = useSaveMarketPolicy(saveMarketPolicy, onOpenChange);
  const [region, setRegion] = useState("");
  const template = useMemo(() => (region ? regionTemplate(region, regionPolicies) : null), [region, regionPolicies]);
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <input type="hidden" name="intent" value="create" />
      <FormErrors errors={errors} fields={UNPLACED} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Region" htmlFor="region" error={errors.region} required>
          <NativeSelect id="region" name="region" value={region} onChange={(e) => setRegion(e.target.value)} {...fieldErrorProps("region", errors)}>
            <option value="" disabled>Choose a state or province</option>
            {REGIONS.map((r) => <option key={r.code} value={r.code}>{r.name} ({r.code})</option>)}
          </NativeSelect>
        </FormField>
        <FormField label="Market" htmlFor="market" error={errors.market} required hint="Its rule overrides the region's for this market.">
          <Input id="market" name="market" placeholder="e.g. TORONTO" autoComplete="off" className="uppercase" {...fieldErrorProps("market", errors)} />
        </FormField>
      </div>
      {template ? (
        // Keyed by region: choosing another region starts again from that region's rules.
        <div key={region} className="grid gap-4">
          <p className="text-sm text-muted-foreground">{template.note}</p>
          <MarketPolicyFields grid={template.grid} errors={errors} warnings={template.warnings} />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">Choose a region to start from its current rules.</p>
      )}
      <ReasonField errors={errors} />
      <DialogFooter>
        <Button type="submit" disabled={pending || !template}>{pending ? "Saving..." : "Add market rule"}</Button>
      </DialogFooter>
    </form>
  );
}

/** "Add market rule": a (region, market) policy, pre-filled with the region's current rules. */
export function AddMarketPolicyDialog({ regionPolicies, saveMarketPolicy }: { regionPolicies: MarketPolicyView[]; saveMarketPolicy: SaveMarketPolicyAction }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm"><Plus className="size-4" aria-hidden /> Add market rule</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Add a market rule</DialogTitle>
          <DialogDescription>Contact rules for one market inside a region, e.g. a city with its own by-law.</DialogDescription>
        </DialogHeader>
        <AddMarketPolicyForm regionPolicies={regionPolicies} saveMarketPolicy={saveMarketPolicy} onOpenChange={setOpen} />
      </DialogContent>
    </Dialog>
  );
}
