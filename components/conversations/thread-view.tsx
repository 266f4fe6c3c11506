import { MessageStatusBadge } from "@/components/outbound/message-status-badge";
import { cn } from "@/lib/ui/cn";
import type { ThreadItem } from "@/lib/conversations/thread";
import { CHANNEL_WORDS } from "./channel-words";

interface ThreadViewProps {
  items: ThreadItem[];
  formatTime: (at: Date) => string;
}

const KIND_WORDS: Record<ThreadItem["kind"], string> = { message: "Message", call: "Call", mail: "Mail piece" };

/** The thread oldest first, the contact's items on the left and ours on the right, each with its channel, status and, when refused, its gate. */
export function ThreadView({ items, formatTime }: ThreadViewProps) {
  return (
    <ol className="grid gap-3" aria-label="Thread items">
      {items.map((item) => {
        const inbound = item.direction === "INBOUND";
        return (
          <li
            key={`${item.kind}:${item.id}`}
            data-testid="thread-item"
            data-direction={item.direction}
            data-channel={item.channel}
            className={cn("grid max-w-[min(36rem,92%)] gap-1 rounded-lg border px-3 py-2", inbound ? "justify-self-start bg-muted/50" : "justify-self-end bg-background")}
          >
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
              <span className="font-medium text-foreground">{`${CHANNEL_WORDS[item.channel]} ${inbound ? "from" : "to"} ${item.counterpart ?? "the contact"}`}</span>
              <MessageStatusBadge status={item.status} />
              <time dateTime={item.at.toISOString()}>{formatTime(item.at)}</time>
              <span className="sr-only">{`${KIND_WORDS[item.kind]}, ${inbound ? "received" : "sent"}`}</span>
            </p>
            {item.title && <p className="text-sm font-medium">{item.title}</p>}
            {item.body && <p className="text-sm break-words whitespace-pre-wrap">{item.body}</p>}
            {item.gate && (
              <p className="text-sm font-medium text-destructive" data-testid="thread-gate" data-reason={item.gate.reason}>
                {`Not sent: ${item.gate.label}`}
              </p>
            )}
            {item.error && !item.gate && <p className="text-sm text-destructive">{item.error}</p>}
          </li>
        );
      })}
    </ol>
  );
}
