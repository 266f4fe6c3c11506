import { Badge } from "@/components/ui/badge";
import type { CallContext } from "@/lib/calls/context";
import { DEAL_STATUS_LABELS, isDealStatus } from "@/lib/deals/rules";

/** The lead beside the timer: who, where, how warm, the last words exchanged, and what to say. */
export function CallContextView({ context }: { context: CallContext }) {
  const stage = isDealStatus(context.stage) ? DEAL_STATUS_LABELS[context.stage] : context.stage;
  return (
    <div className="grid gap-4 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted-foreground">Lead</dt>
        <dd className="min-w-0 [overflow-wrap:anywhere]">{context.name}</dd>
        <dt className="text-muted-foreground">Address</dt>
        <dd className="min-w-0 [overflow-wrap:anywhere]">{context.address}</dd>
        <dt className="text-muted-foreground">Score</dt>
        <dd>{context.score ?? "Not scored"}</dd>
        <dt className="text-muted-foreground">Stage</dt>
        <dd>{stage}</dd>
      </dl>
      <section aria-labelledby="call-script-title" className="grid gap-1 rounded-md border bg-muted/40 p-3">
        <h3 id="call-script-title" className="font-medium">Script</h3>
        {context.script.map((line) => <p key={line}>{line}</p>)}
      </section>
      <section aria-labelledby="call-messages-title" className="grid gap-1">
        <h3 id="call-messages-title" className="font-medium">Last messages</h3>
        {context.lastMessages.length === 0 ? (
          <p className="text-muted-foreground">No message exchanged yet.</p>
        ) : (
          <ul className="grid gap-1">
            {context.lastMessages.map((m) => (
              <li key={m.id} className="flex items-baseline gap-2">
                <Badge variant="outline">{m.direction === "INBOUND" ? "Reply" : m.channel}</Badge>
                <span className="line-clamp-2 min-w-0 flex-1 [overflow-wrap:anywhere]">{m.body}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
