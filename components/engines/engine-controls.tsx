"use client";

import { Pause, Play, RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { EngineRunResult } from "@/lib/engines/service";
import type { EngineName } from "@/lib/engines/types";

export interface EngineActions {
  runEngineNow: DirectAction<{ engine: EngineName }, EngineRunResult>;
  setEnginePaused: DirectAction<{ engine: EngineName; paused: boolean }, { paused: boolean }>;
}

interface EngineControlsProps {
  engine: EngineName;
  label: string;
  paused: boolean;
  actions: EngineActions;
}

export function EngineControls({ engine, label, paused, actions }: EngineControlsProps) {
  const router = useRouter();
  const [running, startRun] = useTransition();
  const [toggling, startToggle] = useTransition();

  const runNow = () =>
    startRun(async () => {
      const result = await actions.runEngineNow(null, { engine });
      if (!result.ok) return void toast.error(result.error);
      const run = result.data;
      if (run.outcome === "OK") toast.success(`${label}: done, ${run.items} item(s).`);
      else if (run.outcome === "SKIPPED") toast.message(`${label}: skipped. ${run.error ?? ""}`);
      else toast.error(`${label} failed: ${run.error}`);
      router.refresh();
    });

  const toggle = () =>
    startToggle(async () => {
      const result = await actions.setEnginePaused(null, { engine, paused: !paused });
      if (!result.ok) return void toast.error(result.error);
      toast.success(result.data.paused ? `${label} paused.` : `${label} resumed.`);
      router.refresh();
    });

  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="outline" size="sm" onClick={runNow} disabled={running} aria-label={`Run ${label} now`}>
        {running ? <RotateCw className="size-4 animate-spin" aria-hidden /> : <Play className="size-4" aria-hidden />}
        {running ? "Running..." : "Run now"}
      </Button>
      <Button variant="outline" size="sm" onClick={toggle} disabled={toggling} aria-label={`${paused ? "Resume" : "Pause"} ${label}`}>
        {paused ? <Play className="size-4" aria-hidden /> : <Pause className="size-4" aria-hidden />}
        {paused ? "Resume" : "Pause"}
      </Button>
    </div>
  );
}
