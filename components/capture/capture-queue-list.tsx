"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { QueuedCapture } from "./capture-queue";

const STATE_LABEL: Record<QueuedCapture["state"], string> = {
  waiting: "Waiting for signal",
  sending: "Sending…",
  sent: "Sent",
  needs_fix: "Needs a fix",
};

const STATE_TONE = { waiting: "warning", sending: "secondary", sent: "success", needs_fix: "destructive" } as const;

/** The captures kept on this phone and where each one stands. */
export function CaptureQueueList({
  queue,
  onFix,
  onDiscard,
  onRetry,
}: {
  queue: QueuedCapture[];
  onFix: (capture: QueuedCapture) => void;
  onDiscard: (capture: QueuedCapture) => void;
  onRetry: () => void;
}) {
  const waiting = queue.filter((c) => c.state === "waiting").length;
  return (
    <section aria-labelledby="queue-heading" className="grid gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="queue-heading" className="text-base font-semibold">
          On this phone
        </h2>
        {waiting > 0 && (
          <Button type="button" variant="outline" size="sm" onClick={onRetry}>
            Send now
          </Button>
        )}
      </div>
      {queue.length === 0 ? (
        <p className="text-sm text-muted-foreground">No captures yet. Saved captures are listed here until the server has them; without signal they wait here and go out when the phone is online again.</p>
      ) : (
        <ul className="grid gap-2" aria-label="Saved captures">
          {queue.map((capture) => (
            <li key={capture.clientKey} className="grid gap-1 rounded-lg border p-3" data-testid="queued-capture">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="min-w-0 break-words font-medium">
                  {capture.fields.street}
                  {capture.fields.unit ? ` #${capture.fields.unit}` : ""}
                </span>
                <Badge variant={STATE_TONE[capture.state]}>{STATE_LABEL[capture.state]}</Badge>
              </div>
              <p className="text-sm text-muted-foreground">
                {capture.state === "needs_fix" ? `Needs a fix: ${capture.message ?? ""}` : capture.state === "sent" ? capture.message : `${capture.message && capture.message !== STATE_LABEL.waiting ? `${capture.message} · ` : ""}${capture.photos.length} photo${capture.photos.length === 1 ? "" : "s"} · kept since ${new Date(capture.createdAt).toLocaleTimeString()}`}
              </p>
              <div className="flex flex-wrap gap-2">
                {capture.state === "needs_fix" && (
                  <Button type="button" size="sm" onClick={() => onFix(capture)}>
                    Fix and resend
                  </Button>
                )}
                {capture.state === "sent" && capture.dealId && (
                  <Button asChild size="sm" variant="outline">
                    <Link href={`/deals/${capture.dealId}`}>Open the deal</Link>
                  </Button>
                )}
                {capture.state !== "waiting" && (
                  <Button type="button" size="sm" variant="ghost" onClick={() => onDiscard(capture)}>
                    {capture.state === "sent" ? "Clear" : "Discard"}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
