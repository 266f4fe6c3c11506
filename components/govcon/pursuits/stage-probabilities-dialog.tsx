"use client";

import { SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import type { FormAction } from "@/components/forms/action-types";
import { useSavingForm } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { fieldErrorProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PURSUIT_STAGES, type PursuitStageName } from "@/lib/govcon/codes";
import { DEFAULT_STAGE_PROBABILITIES, formatProbability, STAGE_LABELS, type StageProbabilities } from "@/lib/govcon/pipeline";

interface StageProbabilitiesDialogProps {
  probabilities: StageProbabilities;
  save: FormAction<StageProbabilities>;
}

/** Managers set each stage's p(win) and p(go); a pursuit's own values still win over them. */
export function StageProbabilitiesDialog({ probabilities, save }: StageProbabilitiesDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <SlidersHorizontal aria-hidden />
          Stage probabilities
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Stage probabilities</DialogTitle>
          <DialogDescription>
            The weighted pipeline counts each pursuit at value x p(win) x p(go), from 0 to 1. A pursuit&apos;s own p(win) or p(go) wins over its stage&apos;s.
          </DialogDescription>
        </DialogHeader>
        {open && <ProbabilitiesForm probabilities={probabilities} save={save} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function ProbabilitiesForm({ probabilities, save, onDone }: StageProbabilitiesDialogProps & { onDone: () => void }) {
  const { onSubmit, pending, errors } = useSavingForm(save, onDone);
  const input = (stage: PursuitStageName, which: "pWin" | "pGo") => {
    const name = `${stage}.${which}`;
    const id = `stage-${stage}-${which}`;
    return (
      <div className="grid gap-1">
        <Label htmlFor={id} className="sr-only">{`${STAGE_LABELS[stage]} ${which === "pWin" ? "p(win)" : "p(go)"}`}</Label>
        <Input id={id} name={name} type="number" min={0} max={1} step={0.01} defaultValue={probabilities[stage][which]} className="h-8 tabular-nums" {...fieldErrorProps(id, { [id]: errors[name] })} />
        {errors[name] && <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">{errors[name].join(" ")}</p>}
      </div>
    );
  };
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <table className="w-full text-sm">
        <caption className="sr-only">p(win) and p(go) per stage</caption>
        <thead>
          <tr className="text-left text-xs text-muted-foreground">
            <th scope="col" className="pb-2 font-medium">Stage</th>
            <th scope="col" className="pb-2 font-medium">p(win)</th>
            <th scope="col" className="pb-2 font-medium">p(go)</th>
          </tr>
        </thead>
        <tbody>
          {PURSUIT_STAGES.map((stage) => (
            <tr key={stage} className="align-top">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {STAGE_LABELS[stage]}
                <span className="block text-xs font-normal text-muted-foreground">
                  Default {formatProbability(DEFAULT_STAGE_PROBABILITIES[stage].pWin)} / {formatProbability(DEFAULT_STAGE_PROBABILITIES[stage].pGo)}
                </span>
              </th>
              <td className="py-1 pr-2">{input(stage, "pWin")}</td>
              <td className="py-1">{input(stage, "pGo")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Saving..." : "Save probabilities"}</Button>
      </DialogFooter>
    </form>
  );
}
