"use client";

import { Send } from "lucide-react";
import { sendDigestNowAction } from "@/app/(app)/audit/actions";
import { RunActionButton } from "@/components/forms/run-action-button";

export function DigestButton() {
  return (
    <RunActionButton
      run={() => sendDigestNowAction(null, {})}
      describe={(data) =>
        data.skipped ? "Today's summary was already sent." : `Summary of ${data.total} change(s) sent to ${data.notified} owner(s) and admin(s).`
      }
      icon={Send}
      label="Send daily summary now"
      pendingLabel="Sending..."
    />
  );
}
