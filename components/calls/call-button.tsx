"use client";

import Link from "next/link";
import { useCallback, useState, useTransition } from "react";
import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Phone, PhoneOff } from "@/components/ui/icons";
import type { CallContext } from "@/lib/calls/context";
import type { LogCallResult } from "@/lib/calls/log-call";
import { callOutcomeLabel } from "@/lib/calls/rules";
import type { StartCallInput } from "@/lib/calls/schema";
import type { StartCallResult } from "@/lib/calls/service";
import { fieldErrors, type ActionResult } from "@/lib/http/result";
import { CallContextView } from "./call-context";
import { CallLogForm } from "./call-log-form";
import { clockOf, useElapsed } from "./use-elapsed";

export type StartedCall = StartCallResult & { context: CallContext | null };

/** The dialer's server actions, handed down by the page (see app/(app)/calls/call-actions.ts). */
export interface CallActions {
  startCall: DirectAction<StartCallInput, StartedCall>;
  logCall: FormAction<LogCallResult>;
}

interface CallButtonProps {
  dealId: string;
  /** The CALL task the call is for; left out, the lead's oldest due CALL task. */
  taskId?: string;
  /** The number shown on the button. */
  phone?: string | null;
  actions: CallActions;
  className?: string;
}

/**
 * Click-to-call: places the call through the gates and opens the call panel, with a running
 * timer, the lead's context and script, and the form that logs the outcome. A refused call
 * says why in the panel; nothing is dialled.
 */
export function CallButton({ dealId, taskId, phone, actions, className }: CallButtonProps) {
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<ActionResult<StartedCall> | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [logged, setLogged] = useState<LogCallResult | null>(null);
  const [pending, startTransition] = useTransition();
  const live = started?.ok && started.data.status === "PLACED" && !logged;
  const elapsed = useElapsed(live ? startedAt : null, !live);

  function openPanel() {
    setOpen(true);
    // A call placed and not yet logged is resumed, never placed twice.
    if (live || pending) return;
    setLogged(null);
    setStarted(null);
    startTransition(async () => {
      const result = await actions.startCall(null, { dealId, taskId });
      setStartedAt(Date.now());
      setStarted(result);
    });
  }
  const onLogged = useCallback((result: LogCallResult) => setLogged(result), []);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {/* The trigger takes the focus back when the panel closes. */}
      <DialogTrigger asChild>
        <Button type="button" onClick={openPanel} className={className}>
          <Phone className="size-4" aria-hidden /> {live ? "Back to the call" : phone ? `Call ${phone}` : "Call"}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{started?.ok && started.data.context ? `Call with ${started.data.context.name}` : "Call"}</DialogTitle>
          <DialogDescription>{describe(started, pending, logged)}</DialogDescription>
        </DialogHeader>
        {pending && <p role="status">Placing the call...</p>}
        {started && !started.ok && <StartError result={started} />}
        {started?.ok && (
          <div className="grid gap-5">
            <CallStatusLine started={started.data} />
            {started.data.status === "PLACED" && (
              <p className="flex items-center gap-3">
                <span className="text-sm text-muted-foreground">Length</span>
                <span role="timer" aria-label="Call length" className="font-mono text-2xl tabular-nums" data-testid="call-timer">
                  {logged ? clockOf(logged.call.durationSeconds ?? 0) : clockOf(elapsed)}
                </span>
              </p>
            )}
            {logged ? (
              <LoggedSummary result={logged} />
            ) : (
              started.data.status === "PLACED" && <CallLogForm callId={started.data.call.id} elapsed={elapsed} logCall={actions.logCall} onLogged={onLogged} />
            )}
            {started.data.context && <CallContextView context={started.data.context} />}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

function describe(started: ActionResult<StartedCall> | null, pending: boolean, logged: LogCallResult | null): string {
  if (pending || !started) return "Placing the call through the calling rules.";
  if (!started.ok) return "The call was not placed.";
  if (logged) return "Logged on the lead's timeline.";
  if (started.data.status === "BLOCKED") return "The call was not placed: nothing was dialled.";
  if (started.data.status === "FAILED") return "The phone provider refused the call.";
  return "Log what happened when you hang up.";
}

function StartError({ result }: { result: Extract<ActionResult<StartedCall>, { ok: false }> }) {
  const errors = fieldErrors(result.issues);
  return (
    <div role="alert" className="grid gap-1 rounded-md border border-destructive/50 bg-destructive/5 p-3 text-sm">
      <p>{errors.phone?.join(" ") || Object.values(errors).flat().join(" ") || result.error}</p>
      {errors.phone && <Link href="/account" className="w-fit underline underline-offset-2">Set your phone</Link>}
    </div>
  );
}

function CallStatusLine({ started }: { started: StartedCall }) {
  if (started.status === "BLOCKED") {
    return (
      <p role="alert" className="flex items-start gap-2 rounded-md border border-amber-600/50 bg-amber-500/10 p-3 text-sm" data-testid="call-blocked">
        <PhoneOff className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>Not placed: {started.reason}</span>
      </p>
    );
  }
  if (started.status === "FAILED") return <p role="alert" className="text-sm text-destructive">{started.error}</p>;
  if (started.provider === "twilio") {
    return <p className="text-sm">Your phone is ringing: answer it and you are connected to {started.call.toNumber}, who sees {started.callerId}.</p>;
  }
  return (
    <p className="text-sm">
      Dial from your phone:{" "}
      <a href={`tel:${started.call.toNumber}`} className="font-medium underline underline-offset-2">{started.call.toNumber}</a>
    </p>
  );
}

function LoggedSummary({ result }: { result: LogCallResult }) {
  return (
    <div role="status" className="grid gap-1 rounded-md border p-3 text-sm" data-testid="call-logged">
      <p className="font-medium">Call logged: {callOutcomeLabel(result.call.outcome ?? "")}</p>
      {result.completedTaskId && <p>The call task is completed.</p>}
      {result.optedOut && <p>The number is opted out of calls and texts and on the do-not-contact list.</p>}
    </div>
  );
}
