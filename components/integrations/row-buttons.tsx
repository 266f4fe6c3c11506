"use client";

import { useState, useTransition } from "react";
import { pollGmailNowAction, revokeApiKeyAction, rotateInboundSecretAction } from "@/app/(app)/settings/api/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
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
          const result = await revokeApiKeyAction(null, { id });
          if (result.ok) toast.success(result.message ?? "Revoked");
          else toast.error(result.error);
        })
      }
    >
      Revoke
    </Button>
  );
}

export function RotateSecretButton({ hasSecret }: { hasSecret: boolean }) {
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
              const result = await rotateInboundSecretAction(null, {});
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

export function PollGmailButton() {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await pollGmailNowAction(null, {});
          if (!result.ok) return void toast.error(result.error);
          toast.success(`${result.data.messages} message(s) read, ${result.data.created} deal(s) created, ${result.data.failed.length} failed.`);
        })
      }
    >
      {pending ? "Checking..." : "Check mailbox now"}
    </Button>
  );
}
