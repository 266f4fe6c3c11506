"use client";

import { Send } from "lucide-react";
import type { DirectAction } from "@/components/forms/action-types";
import { RunActionButton } from "@/components/forms/run-action-button";

type SendDigestAction = DirectAction<Record<string, never>, { skipped: boolean; total: number | null; notified: number }>;

export function DigestButton({ sendDigest }: { sendDigest: SendDigestAction }) {
  return (
    <RunActionButton
      run={() => sendDigest(null, {})}
      describe={(data) =>
        data.skipped ? "Today's summary was already sent." : `Summary of ${data.total} change(s) sent to ${data.notified} owner(s) and admin(s).`
      }
      icon={Send}
      label="Send daily summary now"
      pendingLabel="Sending..."
    />
  );
}
