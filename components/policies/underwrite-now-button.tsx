"use client";

import { Play } from "lucide-react";
import type { DirectAction } from "@/components/forms/action-types";
import { RunActionButton } from "@/components/forms/run-action-button";

export function UnderwriteNowButton({ underwriteNow }: { underwriteNow: DirectAction<Record<string, never>, { underwritten: number }> }) {
  return (
    <RunActionButton
      run={() => underwriteNow(null, {})}
      describe={(data) => (data.underwritten === 0 ? "No deals were waiting for an offer." : `Underwrote ${data.underwritten} deal(s).`)}
      icon={Play}
      label="Run underwriting now"
      pendingLabel="Underwriting..."
    />
  );
}
