"use client";

import { useOptimistic, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { DirectAction } from "@/components/forms/action-types";

interface KpiControlsProps {
  autoThrottle: boolean;
  throttled: boolean;
  canManage: boolean;
  setAutoThrottle: DirectAction<{ enabled: boolean }, { enabled: boolean }>;
  liftThrottle: DirectAction<Record<string, never>, { lifted: boolean }>;
}

/** The auto-throttle switch and, while outbound is throttled, the button that lifts it. */
export function KpiControls({ autoThrottle, throttled, canManage, setAutoThrottle, liftThrottle }: KpiControlsProps) {
  const [pending, startTransition] = useTransition();
  // The box shows the choice at once; the page's next render confirms it (or puts it back on an error).
  const [shownAutoThrottle, showAutoThrottle] = useOptimistic(autoThrottle);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-primary"
          checked={shownAutoThrottle}
          disabled={!canManage}
          aria-busy={pending}
          onChange={(event) => {
            const enabled = event.target.checked;
            startTransition(async () => {
              showAutoThrottle(enabled);
              const result = await setAutoThrottle(null, { enabled });
              if (!result.ok) return void toast.error(result.error);
              toast.success(result.data.enabled ? "Auto-throttle is on: a KPI breach slows outbound" : "Auto-throttle is off");
            });
          }}
        />
        Throttle outbound when a KPI breaches
      </label>
      {throttled && canManage && (
        <Button
          variant="outline"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await liftThrottle(null, {});
              if (!result.ok) return void toast.error(result.error);
              toast.success(result.data.lifted ? "Throttle lifted: outbound is back to its daily caps" : "No throttle was active");
            })
          }
        >
          Lift throttle
        </Button>
      )}
    </div>
  );
}
