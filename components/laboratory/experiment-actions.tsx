"use client";

import { Archive, FlaskConical, Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";

type Ref = { experimentId: string };

interface ExperimentActionsProps {
  experimentId: string;
  windowDays: number;
  canRun: boolean;
  /** Owners only; null hides Promote. */
  promote: { nextVersion: number; threshold: number; productionThreshold: number } | null;
  canArchive: boolean;
  runExperiment: DirectAction<Ref, { considered: number; labProposed: number; productionProposed: number }>;
  promoteExperiment: DirectAction<Ref, { version: number }>;
  archiveExperiment: DirectAction<Ref, { status: "ARCHIVED" }>;
}

/** Run (with its pending state), Promote (owners, behind a confirmation) and Archive. */
export function ExperimentActions({ experimentId, windowDays, canRun, promote, canArchive, runExperiment, promoteExperiment, archiveExperiment }: ExperimentActionsProps) {
  const router = useRouter();
  const [running, startRun] = useTransition();
  const ref = { experimentId };
  const run = () =>
    startRun(async () => {
      const result = await runExperiment(null, ref);
      if (!result.ok) return void toast.error(result.error);
      toast.success(`Run done: ${result.data.considered} people replayed; the experiment would draft to ${result.data.labProposed}, production to ${result.data.productionProposed}`);
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canRun && (
        <Button onClick={run} disabled={running} aria-describedby={running ? "run-progress" : undefined}>
          <FlaskConical className="size-4" aria-hidden /> {running ? "Running…" : "Run"}
        </Button>
      )}
      {running && (
        <p id="run-progress" role="status" className="text-sm text-muted-foreground">
          Replaying {windowDays} days of signals under both configurations…
        </p>
      )}
      {promote && (
        <ConfirmDialog
          trigger={<Button variant="outline"><Rocket className="size-4" aria-hidden /> Promote</Button>}
          title="Promote to production?"
          description={`This configuration becomes production settings version ${promote.nextVersion}: intent scores and drafting follow it from now on (threshold ${promote.productionThreshold} becomes ${promote.threshold}). The change is recorded in the audit log; the previous version stays in the history.`}
          confirmLabel={`Promote as version ${promote.nextVersion}`}
          pendingLabel="Promoting…"
          onConfirm={async () => {
            const result = await promoteExperiment(null, ref);
            if (!result.ok) return toast.error(result.error), false;
            toast.success(`Promoted: production settings are now version ${result.data.version}`);
            router.refresh();
            return true;
          }}
        />
      )}
      {canArchive && (
        <ConfirmDialog
          trigger={<Button variant="outline"><Archive className="size-4" aria-hidden /> Archive</Button>}
          title="Archive this experiment?"
          description="It stops counting as active and can no longer be run or promoted. Its runs and comparison stay readable."
          confirmLabel="Archive"
          pendingLabel="Archiving…"
          onConfirm={async () => {
            const result = await archiveExperiment(null, ref);
            if (!result.ok) return toast.error(result.error), false;
            toast.success("Experiment archived");
            router.refresh();
            return true;
          }}
        />
      )}
    </div>
  );
}
