"use client";

import { Play } from "lucide-react";
import { underwriteNowAction } from "@/app/(app)/policies/actions";
import { RunActionButton } from "@/components/forms/run-action-button";

export function UnderwriteNowButton() {
  return (
    <RunActionButton
      run={() => underwriteNowAction(null, {})}
      describe={(data) => (data.underwritten === 0 ? "No deals were waiting for an offer." : `Underwrote ${data.underwritten} deal(s).`)}
      icon={Play}
      label="Run underwriting now"
      pendingLabel="Underwriting..."
    />
  );
}
