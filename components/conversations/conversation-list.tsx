import Link from "next/link";
import { cn } from "@/lib/ui/cn";
import type { ConversationRow } from "@/lib/conversations/queries";
import { CHANNEL_WORDS } from "./channel-words";

interface ConversationListProps {
  rows: ConversationRow[];
  selected: string | null;
  hrefFor: (threadKey: string) => string;
  formatTime: (at: Date) => string;
}

/** Threads newest first; an unread one is bold with its count. Links are not prefetched: opening a thread marks it read. */
export function ConversationList({ rows, selected, hrefFor, formatTime }: ConversationListProps) {
  return (
    <ul className="divide-y rounded-md border" aria-label="Threads">
      {rows.map((row) => {
        const unread = row.unreadCount > 0;
        const current = row.threadKey === selected;
        return (
          <li key={row.threadKey} data-testid="conversation-row" data-thread={row.threadKey}>
            <Link
              href={hrefFor(row.threadKey)}
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className={cn("grid gap-1 px-3 py-2.5 hover:bg-muted/60 focus-visible:bg-muted/60", current && "bg-muted")}
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className={cn("truncate text-sm", unread ? "font-semibold" : "font-medium")}>{row.title}</span>
                <time dateTime={row.lastAt.toISOString()} className="shrink-0 text-xs text-muted-foreground">{formatTime(row.lastAt)}</time>
              </span>
              <span className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
                <span className="truncate">
                  {[row.contactName, row.market, row.ownerName && `Owner: ${row.ownerName}`].filter(Boolean).join(" · ") || (row.buyerId ? "Buyer" : "Lead")}
                </span>
                {unread && (
                  <span className="shrink-0 rounded-full bg-primary px-2 py-0.5 text-xs font-semibold text-primary-foreground" data-testid="unread-count">
                    {row.unreadCount}<span className="sr-only"> unread</span>
                  </span>
                )}
              </span>
              <span className={cn("line-clamp-2 text-sm", unread ? "text-foreground" : "text-muted-foreground")}>
                <span className="font-medium">{`${CHANNEL_WORDS[row.lastChannel]} ${row.lastDirection === "INBOUND" ? "in" : "out"}: `}</span>
                {row.lastPreview}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
