"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export type FitOutcome = { version: number | null; auc: number | null; outcomes: number | null };

/** Fits a model on the workspace's decided deals now and says what came of it. */
export function FitNowButton({ fit, minOutcomes }: { fit: DirectAction<Record<string, never>, FitOutcome>; minOutcomes: number }) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  return (
    <Button
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await fit(null, {});
          if (!result.ok) return void toast.error(result.error);
          const { version, auc, outcomes } = result.data;
          if (version === null) toast.error(`Only ${outcomes} decided outcomes: a model needs at least ${minOutcomes}.`);
          else toast.success(`Model ${version} proposed, AUC ${auc!.toFixed(2)} on the held-out fifth.`);
          router.refresh();
        })
      }
    >
      {pending ? "Fitting..." : "Fit now"}
    </Button>
  );
}

/** Makes a proposed (or retired) model the one every score comes from; the deals are rescored. */
export function PromoteButton({ modelId, version, promote }: { modelId: string; version: number; promote: DirectAction<{ modelId: string }, { version: number; rescored: number }> }) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  return (
    <Button
      size="sm"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Score every deal with model ${version}? The current model is retired; you can promote it again later.`)) return;
        startTransition(async () => {
          const result = await promote(null, { modelId });
          if (!result.ok) return void toast.error(result.error);
          toast.success(`Model ${result.data.version} is active; ${result.data.rescored} deals rescored.`);
          router.refresh();
        });
      }}
    >
      {pending ? "Promoting..." : `Promote model ${version}`}
    </Button>
  );
}
