"use client";

import { Play } from "lucide-react";
import type { DirectAction } from "@/components/forms/action-types";
import { RunActionButton } from "@/components/forms/run-action-button";

type RunPrivacyAction = DirectAction<Record<string, never>, { outcome: string; items: number }>;

export function RunPrivacyButton({ runNow }: { runNow: RunPrivacyAction }) {
  return (
    <RunActionButton
      run={() => runNow(null, {})}
      describe={(data) => (data.outcome === "OK" ? `${data.items} request(s) carried out.` : `The run ended ${data.outcome.toLowerCase()}.`)}
      icon={Play}
      label="Run pending requests now"
      pendingLabel="Running..."
    />
  );
}
