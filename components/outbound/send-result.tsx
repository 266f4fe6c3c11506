import Link from "next/link";
import type { SendMessageResult } from "@/lib/outbound";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";

/**
 * What the outbound core answered for a message sent by hand: sent, failed at the provider, or
 * refused by a gate with the reason and where to fix it. Rendered inside an aria-live region.
 */
export function SendResult({ result }: { result: SendMessageResult | null }) {
  if (!result) return null;
  if (result.status === "SENT") return <p className="text-sm text-foreground">{`Sent through ${result.provider}.`}</p>;
  if (result.status === "FAILED") return <p role="alert" className="text-sm font-medium text-destructive">{`The provider refused it: ${result.error}`}</p>;
  return (
    <div role="alert" className="grid gap-0.5 text-sm">
      <p className="font-medium text-destructive" data-reason={result.reason}>{`Blocked: ${BLOCK_REASON_LABELS[result.reason] ?? result.reason}`}</p>
      <p data-testid="blocked-fix">{result.fix.message}</p>
      {result.fix.fixHref && (
        <Link href={result.fix.fixHref} className="font-medium text-primary underline underline-offset-4">
          {result.fix.fixLabel}
        </Link>
      )}
      <p className="text-xs text-muted-foreground">{result.detail}</p>
    </div>
  );
}
