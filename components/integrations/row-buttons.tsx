"use client";

import { useState, useTransition } from "react";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { MailboxPollReport } from "@/lib/intake/mailbox";

export function RevokeKeyButton({ id, name, revokeApiKey }: { id: string; name: string; revokeApiKey: DirectAction<{ id: string }, unknown> }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={`Revoke ${name}`}
      onClick={() =>
        window.confirm(`Revoke "${name}"? Integrations using it stop working at once.`) &&
        start(async () => {
          const result = await revokeApiKey(null, { id });
          if (result.ok) toast.success(result.message ?? "Revoked");
          else toast.error(result.error);
        })
      }
    >
      Revoke
    </Button>
  );
}

interface RotateSecretButtonProps {
  hasSecret: boolean;
  rotateSecret: DirectAction<Record<string, never>, { secret: string }>;
}

export function RotateSecretButton({ hasSecret, rotateSecret }: RotateSecretButtonProps) {
  const [pending, start] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="grid gap-2">
      <div>
        <Button
          variant="outline"
          disabled={pending}
          onClick={() =>
            (!hasSecret || window.confirm("Rotate the secret? The mail service must be updated with the new one.")) &&
            start(async () => {
              const result = await rotateSecret(null, {});
              if (result.ok) setSecret(result.data.secret);
              else toast.error(result.error);
            })
          }
        >
          {hasSecret ? "Rotate secret" : "Create secret"}
        </Button>
      </div>
      {secret && (
        <div className="grid gap-1">
          <p className="text-sm">New secret, shown once:</p>
          <Input readOnly value={secret} aria-label="Inbound email secret" className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}

export function PollGmailButton({ pollGmail }: { pollGmail: DirectAction<Record<string, never>, MailboxPollReport> }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await pollGmail(null, {});
          if (!result.ok) return void toast.error(result.error);
          toast.success(`${result.data.messages} message(s) read, ${result.data.created} deal(s) created, ${result.data.failed.length} failed.`);
        })
      }
    >
      {pending ? "Checking..." : "Check mailbox now"}
    </Button>
  );
}
